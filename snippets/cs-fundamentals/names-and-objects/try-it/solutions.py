"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""
import copy
import sys
import tracemalloc
import weakref

# %% Exercise 1: a grid with independent rows
# --8<-- [start:make_grid]
def make_grid(rows, cols):
    return [[0] * cols for _ in range(rows)]  # a new inner list per row
# --8<-- [end:make_grid]


# %% Exercise 2: an independent copy of nested settings
# --8<-- [start:clone_settings]
def clone_settings(settings):
    return copy.deepcopy(settings)
# --8<-- [end:clone_settings]


# %% Exercise 3: where a list grows
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


# %% Exercise 4: a cycle only the collector can free
class Node:
    pass


# --8<-- [start:make_cycle]
def make_cycle():
    first, second = Node(), Node()
    first.other, second.other = second, first  # each keeps the other alive
    return weakref.ref(first)  # the locals vanish when we return
# --8<-- [end:make_cycle]


# %% Exercise 5: the peak memory of a call
# --8<-- [start:peak_kib]
def peak_kib(function):
    tracemalloc.start()
    try:
        function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1024
# --8<-- [end:peak_kib]


# %% Exercise 6: why `is` surprises
# --8<-- [start:identity_quiz]
def identity_quiz():
    # The small-int cache is an implementation detail: compare numbers with ==.
    return "b"
# --8<-- [end:identity_quiz]
