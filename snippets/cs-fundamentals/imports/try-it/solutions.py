"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: explain a circular import
# --8<-- [start:circular_import]
def circular_import():
    # Step 5 of import: the module is in sys.modules before its code runs.
    return "b"
# --8<-- [end:circular_import]


# %% Exercise 2: read a .pyc header
# --8<-- [start:read_pyc_header]
def read_pyc_header(data):
    def word(start):
        return int.from_bytes(data[start:start + 4], "little")

    return {
        "magic": int.from_bytes(data[0:2], "little"),
        "flags": word(4),
        "mtime": word(8),
        "size": word(12),
    }
# --8<-- [end:read_pyc_header]
