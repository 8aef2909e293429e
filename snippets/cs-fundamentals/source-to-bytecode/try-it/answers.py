"""Exercises for "From Source to Bytecode". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""
# Modules you will need (unused until you complete the exercises):
import dis
import sys

# %% Exercise 1: predict the bytecode
# Objective: 3
# Write down, without running dis, the instruction names CPython uses for
# `def double(x): return x * 2` on the Python version you run this with
# (`sys.version_info` tells you which). Leave out `RESUME`. Then check to see
# if you were right.


def predict_bytecode():
    return []


# %% Exercise 2: the instructions a loop uses
# Objective: 3
# Return the set of instruction names (strings) in `function`'s bytecode.
# Hint: dis.get_instructions(function).


def loop_instructions(function):
    ...
