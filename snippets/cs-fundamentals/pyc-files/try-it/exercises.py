"""Checks your answers to the ".pyc Files" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import importlib.util
import os
import pathlib
import py_compile
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


# --- The checks: each takes the learner's namespace and raises Wrong ---------

def check_read_pyc_header(answers):
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder, "sample.py")
        source.write_text("answer = 42\n")
        data = pathlib.Path(py_compile.compile(source, doraise=True)).read_bytes()
        stat = source.stat()
    header = answers["read_pyc_header"](data)
    expect_type(header, dict, 'a dict with "magic", "flags", "mtime" and "size"')
    expected = {
        "magic": int.from_bytes(data[:2], "little"),
        "flags": 0,
        "mtime": int(stat.st_mtime) & 0xFFFFFFFF,
        "size": stat.st_size,
    }
    for key, value in expected.items():
        if header.get(key) != value:
            raise Wrong(f'header["{key}"] is {header.get(key)!r}, expected {value}. '
                        "Hint: int.from_bytes(data[start:end], 'little')")


def pyc_cases(folder):
    """(what happened, header, source, mtime, compiles again?), each from a
    real py_compile run; the answers are CPython's own rules."""
    source = pathlib.Path(folder, "price.py")
    when = 1_700_000_000.25

    def compiled(text, mode=py_compile.PycInvalidationMode.TIMESTAMP):
        source.write_text(text)
        os.utime(source, (when, when))
        pyc = py_compile.compile(str(source), doraise=True, invalidation_mode=mode)
        return pathlib.Path(pyc).read_bytes()[:16]

    old, new = b"VAT = 20\n", b"VAT = 25\n"  # the same size
    fresh = compiled(old.decode())
    checked = compiled(old.decode(), py_compile.PycInvalidationMode.CHECKED_HASH)
    unchecked = compiled(old.decode(), py_compile.PycInvalidationMode.UNCHECKED_HASH)
    other_python = (int.from_bytes(fresh[:2], "little") - 10).to_bytes(2, "little") + fresh[2:]
    return [
        ("nothing changed", fresh, old, when, False),
        ("an edit of the same size in the same second", fresh, new, when + 0.5, False),
        ("an edit one second later", fresh, new, when + 1, True),
        ("an edit that adds a line, in the same second", fresh, old + b"# note\n", when, True),
        ("a .pyc from another Python version", other_python, old, when, True),
        ("checked hash, source unchanged, time changed", checked, old, when + 60, False),
        ("checked hash, the same-size edit", checked, new, when, True),
        ("unchecked hash, the same-size edit", unchecked, new, when, False),
    ]


def check_compiles_again(answers):
    with tempfile.TemporaryDirectory() as folder:
        cases = pyc_cases(folder)
    for what, header, source, mtime, expected in cases:
        said = answers["compiles_again"](header, source, mtime)
        expect_type(said, bool, "True or False")
        if said != expected:
            raise Wrong(f"{what}: you said {said}, but an import would "
                        f"{'compile the source again' if expected else 'use the .pyc'}. "
                        "Hint: read the flags first; with a timestamp, only whole seconds count")


EXERCISES = {
    1: ("read a .pyc header", check_read_pyc_header),
    2: ("would CPython compile it again?", check_compiles_again),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
