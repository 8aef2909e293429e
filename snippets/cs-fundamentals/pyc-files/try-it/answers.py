"""Exercises for ".pyc Files". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""

# %% Exercise 1: read a .pyc header
# `data` is the content of a .pyc file. Return a dict with the keys
# "magic" (the int in the first two bytes, little-endian), "flags",
# "mtime" and "size" (each a 4-byte little-endian unsigned int).


def read_pyc_header(data):
    header = {}
    return header
