"""Exercises for "Sizes and Layout". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts. Each one starts with the imports it needs.
"""

# %% Exercise 1: where a list grows
# Objective: 3
# Append `n` items to an empty list, one by one. Return the list of lengths
# right after an append that made sys.getsizeof(the list) change.
import sys


def growth_points(n):
    items, points = [], []
    for length in range(1, n + 1):
        items.append(None)
    return points
