"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""
import functools  # noqa: F401
import inspect

# %% Exercise 1: fix a mutable default
# --8<-- [start:count_words]
def count_words(text, counts=None):
    # A new dict on every call that
    # passes no dict of its own.
    if counts is None:
        counts = {}
    for word in text.split():
        seen = counts.get(word, 0)
        counts[word] = seen + 1
    return counts
# --8<-- [end:count_words]


# %% Exercise 2: a counter factory
# --8<-- [start:make_counter]
def make_counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    def reset():
        nonlocal count
        count = 0

    return increment, reset
# --8<-- [end:make_counter]


# %% Exercise 3: fix the late binding
# --8<-- [start:make_handlers]
def make_handlers(names):
    handlers = {}
    for name in names:
        # A default is evaluated as the
        # def runs, once for each name.
        def handler(name=name):
            return "clicked " + name
        handlers[name] = handler
    return handlers
# --8<-- [end:make_handlers]


# %% Exercise 4: a generator and its states
# --8<-- [start:evens]
def evens(limit):
    number = 0
    while number < limit:
        yield number
        number += 2


def states(gen):
    state = inspect.getgeneratorstate
    seen = [state(gen)]
    # The for loop calls next() for us.
    for _ in gen:
        seen.append(state(gen))
    seen.append(state(gen))
    return seen
# --8<-- [end:evens]
