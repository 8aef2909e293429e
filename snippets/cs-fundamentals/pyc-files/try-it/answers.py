"""Exercises for ".pyc Files". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""

# %% Exercise 1: read a .pyc header
# Objective: 2
# `data` is the content of a .pyc file. Return a dict with the keys
# "magic" (the int in the first two bytes, little-endian), "flags",
# "mtime" and "size" (each a 4-byte little-endian unsigned int).


def read_pyc_header(data):
    header = {}
    return header


# %% Exercise 2: would CPython compile it again?
# Objectives: 2, 3
# `header` is the first 16 bytes of a .pyc; `source` is its .py file's
# content (bytes) and `mtime` its modification time (a float, seconds).
# Return True when an import would compile the source again, False when
# it would use the .pyc. The header holds the magic number (4 bytes),
# the flags, then the source's mtime and size (flags 0), or a hash of
# the source (flag bit 0 set; bit 1 set means "compare it").
import importlib.util  # noqa: E402


def compiles_again(header, source, mtime):
    return True
