"""Checks your answers to the "How import Works" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import importlib.machinery
import os
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


# --- The checks: each takes the learner's namespace and raises Wrong ---------

def check_circular_import(answers):
    choice = answers["circular_import"]()
    expect_type(choice, str, 'one of "a", "b", "c" or "d"')
    if choice.strip().lower() != "b":
        raise Wrong(f'"{choice}" is not it. Hint: when does import put a module in sys.modules?')


# Each case: the files in each folder of the search path, the name imported.
# "tools/" alone is a folder with no __init__.py: not a package.
SEARCHES = [
    ("your file hides the one further on", [["random.py"], ["random.py"]], "random"),
    ("found in a later folder", [[], ["helpers.py"]], "helpers"),
    ("a package and a module in one folder", [["tools/__init__.py", "tools.py"]], "tools"),
    ("a folder without __init__.py, then a module", [["tools/"], ["tools.py"]], "tools"),
    ("nowhere on the path", [["other.py"]], "missing"),
]


def check_found_by_import(answers):
    with tempfile.TemporaryDirectory() as root:
        for what, folders, name in SEARCHES:
            path = []
            for number, files in enumerate(folders):
                folder = os.path.join(root, what.replace(" ", "-"), f"folder{number}")
                os.makedirs(folder)
                for file in files:
                    os.makedirs(os.path.dirname(os.path.join(folder, file)), exist_ok=True)
                    if not file.endswith("/"):
                        pathlib.Path(folder, file).write_text("")
                path.append(folder)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            expected = spec.origin if spec and spec.origin else None  # what import itself finds
            found = answers["found_by_import"](name, list(path))
            if found is not None:
                expect_type(found, (str, os.PathLike), "a path, or None")
                found = os.path.normpath(os.fspath(found))
            if found != expected:
                shown = {p: os.path.relpath(p, root) if p else None for p in (found, expected)}
                raise Wrong(f"{what}: you found {shown[found]}, import finds {shown[expected]}. "
                            "Hint: folders in order; in each, the package's __init__.py, then name.py")


EXERCISES = {
    1: ("explain a circular import", check_circular_import),
    2: ("which file does import find?", check_found_by_import),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
