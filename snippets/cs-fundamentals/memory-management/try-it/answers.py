"""Exercises for "How CPython Frees Memory". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts. Each one starts with the imports it needs.
"""

# %% Exercise 1: a cycle only the collector can free
# Objective: 2
# Build two objects that refer to each other, drop every other reference to
# them, and return a weakref.ref to one of them. (The checker turns automatic
# collection off first, so the object is still alive until gc.collect().)
import weakref


class Node:
    pass


def make_cycle():
    ...


# %% Exercise 2: clean up without `__del__`
# Objective: 3
# Return a new TempFile named `name` that appends `name` to the list `log`
# when it is freed, using weakref.finalize. The callback must not keep the
# TempFile alive.
import weakref


class TempFile:
    def __init__(self, name):
        self.name = name


def open_temp(name, log):
    temp = TempFile(name)
    return temp


# %% Exercise 3: ready to fork
# Objective: 4
# Before a server forks its workers, follow the `gc` documentation's recipe
# for the parent: automatic collection off, then every object the collector
# tracks frozen. Return how many objects are frozen. `in_child()` is what
# each worker runs first: turn automatic collection back on.
import gc


def fork_ready():
    return 0


def in_child():
    pass
