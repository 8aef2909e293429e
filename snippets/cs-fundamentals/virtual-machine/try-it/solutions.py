"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""
import dis
import sys

# %% Exercise 1: read an exception table
def ratio(part, whole):
    share = part / whole
    try:
        return round(share * 100)
    except OverflowError:
        return None


# --8<-- [start:protected_instructions]
def protected_instructions():
    # The first entry, `L1 to L2 -> L3 [0]`, covers L1 up to L2, not the
    # RETURN_VALUE at L2. (3.11 and 3.12 print offsets, the last one inside
    # the entry.) The line before `try` is not covered either.
    if sys.version_info >= (3, 14):
        loads = ["LOAD_FAST_BORROW", "LOAD_SMALL_INT"]
    else:
        loads = ["LOAD_FAST", "LOAD_CONST"]
    call = ["PRECALL", "CALL"] if sys.version_info < (3, 12) else ["CALL"]
    return ["LOAD_GLOBAL", *loads, "BINARY_OP", *call]
# --8<-- [end:protected_instructions]


# %% Exercise 2: which is faster? Measure it
import timeit  # noqa: E402


# --8<-- [start:faster]
def faster(first, second):
    def best(function):  # the least disturbed of five runs
        return min(timeit.repeat(function, number=20, repeat=5))

    return first if best(first) <= best(second) else second
# --8<-- [end:faster]
