"""Exercises for "Names, Identity and Copies". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts. Each one starts with the imports it needs.
"""

# %% Exercise 1: a grid with independent rows
# Objectives: 1, 2
# Return a list of `rows` lists, each holding `cols` zeros, where changing
# one cell changes only that cell.


def make_grid(rows, cols):
    return [[0] * cols] * rows


# %% Exercise 2: an independent copy of nested settings
# Objective: 2
# Return a copy of `settings` (a dict whose values may be lists or dicts)
# that can be changed at any depth without touching the original.
import copy


def clone_settings(settings):
    return settings.copy()


# %% Exercise 3: why `is` surprises
# Objective: 3
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
