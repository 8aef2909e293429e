"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: a grid with independent rows
# --8<-- [start:make_grid]
def make_grid(rows, cols):
    return [[0] * cols for _ in range(rows)]  # a new inner list per row
# --8<-- [end:make_grid]


# %% Exercise 2: an independent copy of nested settings
import copy


# --8<-- [start:clone_settings]
def clone_settings(settings):
    return copy.deepcopy(settings)
# --8<-- [end:clone_settings]


# %% Exercise 3: why `is` surprises
# --8<-- [start:identity_quiz]
def identity_quiz():
    # The small-int cache is an implementation detail: compare numbers with ==.
    return "b"
# --8<-- [end:identity_quiz]
