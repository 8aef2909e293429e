"""Exercises for "Allocators, Measurement and the Hardware". Complete each
function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts. Each one starts with the imports it needs.
"""

# %% Exercise 1: the peak memory of a call
# Return the peak memory, in KiB (a float), that tracemalloc traces while
# calling function() once.
import tracemalloc


def peak_kib(function):
    ...


# %% Exercise 2: read the resident set size
# `status` is the text of /proc/self/status on Linux: one `Name:  value` line
# per field, sizes in kB. Return the process's current resident set size,
# in KiB, as an int.


def rss_kib(status):
    for line in status.splitlines():
        name, _, value = line.partition(":")
    return 0
