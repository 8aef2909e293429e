"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""
import dis
import sys

# %% Exercise 1: predict the bytecode
# --8<-- [start:predict_bytecode]
def predict_bytecode():
    # The load of x and the constant 2 changed over the versions.
    if sys.version_info >= (3, 14):
        return ["LOAD_FAST_BORROW", "LOAD_SMALL_INT", "BINARY_OP", "RETURN_VALUE"]
    return ["LOAD_FAST", "LOAD_CONST", "BINARY_OP", "RETURN_VALUE"]
# --8<-- [end:predict_bytecode]


# %% Exercise 2: the instructions a loop uses
# --8<-- [start:loop_instructions]
def loop_instructions(function):
    return {instruction.opname for instruction in dis.get_instructions(function)}
# --8<-- [end:loop_instructions]
