"""Exercises for "Functions, Scopes and Frames". Complete each function,
then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""
# Modules you will need (unused until you complete the exercises):
import functools  # noqa: F401
import inspect  # noqa: F401

# %% Exercise 1: fix a mutable default
# Objective: 2
# `count_words(text)` should return a new dict that counts the words of
# `text`. Given a dict as `counts` (even an empty one), it should add
# the counts to that dict and return it. Today a second call without
# `counts` still holds the words of the first. Fix it.


def count_words(text, counts={}):
    for word in text.split():
        seen = counts.get(word, 0)
        counts[word] = seen + 1
    return counts


# %% Exercise 2: a counter factory
# Objective: 3
# `make_counter()` returns two functions that share one count, which
# starts at 0: `increment()` adds 1 and returns the new count, and
# `reset()` sets it back to 0. Each call of `make_counter()` starts a
# count of its own. Keep the count as a number in the closure, with
# `nonlocal`: no global, no list.


def make_counter():
    count = 0

    def increment():
        ...

    def reset():
        ...

    return increment, reset


# %% Exercise 3: fix the late binding
# Objective: 4
# `make_handlers(names)` returns a dict that maps each name to a
# function, called with no arguments, that returns "clicked " and that
# name. Today every handler answers with the last name. Fix it with a
# default argument or `functools.partial`.


def make_handlers(names):
    handlers = {}
    for name in names:
        def handler():
            return "clicked " + name
        handlers[name] = handler
    return handlers


# %% Exercise 4: a generator and its states
# Objective: 6
# Write `evens(limit)`, a generator that yields 0, 2, 4 and so on while
# the number is below `limit`. Then write `states(gen)`: it runs `gen`
# to the end and returns the states `inspect.getgeneratorstate` reports
# before the first value, after each value, and after the last one.
# For `evens(3)`: GEN_CREATED, GEN_SUSPENDED twice, then GEN_CLOSED.


def evens(limit):
    ...


def states(gen):
    ...
