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


# %% Exercise 2: would CPython compile it again?
import importlib.util  # noqa: E402


# --8<-- [start:compiles_again]
def compiles_again(header, source, mtime):
    def word(start):
        return int.from_bytes(header[start:start + 4], "little")

    if header[:4] != importlib.util.MAGIC_NUMBER:
        return True  # another Python's bytecode format
    flags = word(4)
    if flags & 0b01:  # hash-based
        if not flags & 0b10:
            return False  # "unchecked": the source is never read
        return header[8:16] != importlib.util.source_hash(source)
    # Whole seconds, and both kept to 32 bits
    stored = (word(8), word(12))
    return stored != (int(mtime) & 0xFFFFFFFF, len(source) & 0xFFFFFFFF)
# --8<-- [end:compiles_again]
