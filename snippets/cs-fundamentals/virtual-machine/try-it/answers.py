"""Exercises for "Inside the Virtual Machine". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""
# Modules you will need (unused until you complete the exercises):
import dis
import sys

# %% Exercise 1: read an exception table
# Objective: 2
# `ratio` below protects only part of its body with `try`. Run
# `dis.dis(ratio)` on the Python you check with (`sys.version_info` tells you
# which) and read the exception table at the end of the listing: its first
# entry covers the `try` block. Return the names of the instructions that
# entry covers, in order, as a list of strings.


def ratio(part, whole):
    share = part / whole
    try:
        return round(share * 100)
    except OverflowError:
        return None


def protected_instructions():
    return []


# %% Exercise 2: which is faster? Measure it
# Objective: 4
# `first` and `second` are functions that take no arguments and return
# the same thing. Return the one that runs faster, measured with
# `timeit.repeat`: take the best of a few repeats, as the Performance
# section does. Do not guess from the code: the check hands you pairs
# in both orders.
import timeit  # noqa: E402


def faster(first, second):
    return first
