"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: where a list grows
import sys


# --8<-- [start:growth_points]
def growth_points(n):
    items, points = [], []
    size = sys.getsizeof(items)
    for length in range(1, n + 1):
        items.append(None)
        if sys.getsizeof(items) != size:
            size = sys.getsizeof(items)
            points.append(length)
    return points
# --8<-- [end:growth_points]
