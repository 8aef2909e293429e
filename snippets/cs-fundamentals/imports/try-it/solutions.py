"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: explain a circular import
# --8<-- [start:circular_import]
def circular_import():
    # Step 5 of import: the module is in sys.modules before its code runs.
    return "b"
# --8<-- [end:circular_import]
