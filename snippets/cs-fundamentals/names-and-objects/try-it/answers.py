"""Exercises for "Memory Architecture". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""
# Modules you will need (unused until you complete the exercises):
import copy
import gc
import sys
import tracemalloc
import weakref

# %% Exercise 1: a grid with independent rows
# Return a list of `rows` lists, each holding `cols` zeros, where changing
# one cell changes only that cell.


def make_grid(rows, cols):
    return [[0] * cols] * rows


# %% Exercise 2: an independent copy of nested settings
# Return a copy of `settings` (a dict whose values may be lists or dicts)
# that can be changed at any depth without touching the original.


def clone_settings(settings):
    return settings.copy()


# %% Exercise 3: where a list grows
# Append `n` items to an empty list, one by one. Return the list of lengths
# right after an append that made sys.getsizeof(the list) change.


def growth_points(n):
    ...


# %% Exercise 4: a cycle only the collector can free
# Build two objects that refer to each other, drop every other reference to
# them, and return a weakref.ref to one of them. (The checker turns automatic
# collection off first, so the object is still alive until gc.collect().)


class Node:
    pass


def make_cycle():
    ...


# %% Exercise 5: the peak memory of a call
# Return the peak memory, in KiB (a float), that tracemalloc traces while
# calling function() once.


def peak_kib(function):
    ...


# %% Exercise 6: why `is` surprises
# On CPython 3.11 to 3.14, `int("256") is int("256")` is True, but
# `int("257") is int("257")` is False. Which explanation is right?
# Return "a", "b", "c" or "d".
#
# - a) 257 does not fit in one byte, so it is stored as a float.
# - b) CPython keeps one shared object for each int from -5 to 256 (to 1024
#   from 3.15); other ints made at run time are new objects, even when equal.
# - c) `is` compares values, and int("257") rounds differently each time.
# - d) Python guarantees `is` works for numbers below 256 only on 64-bit machines.


def identity_quiz():
    return ""
