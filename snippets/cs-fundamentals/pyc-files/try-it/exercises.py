"""Checks your answers to the ".pyc Files" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
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


EXERCISES = {
    1: ("read a .pyc header", check_read_pyc_header),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
