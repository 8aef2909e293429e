"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: read a .pyc header
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
