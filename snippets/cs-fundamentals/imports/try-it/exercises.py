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


# Reports as `-X importtime` prints them (3.13, trimmed), with the largest
# own time on a nested module, on a top-level one, and in the header's way.
REPORTS = {
    "re._compiler": """import time: self [us] | cumulative | imported package
import time:       141 |        141 |         _sre
import time:      1100 |       1526 |         re._parser
import time:      3727 |       5253 |       re._compiler
import time:      1055 |      24642 |     re
import time:       674 |      26606 |   json.decoder
import time:      1126 |       1126 |   json.encoder
import time:       465 |      28197 | json
""",
    "enum": """import time: self [us] | cumulative | imported package
import time:      1500 |       1500 |         types
import time:     13860 |      15360 |       enum
import time:      1055 |      16415 |     re
import time:       674 |      17089 |   json.decoder
import time:       310 |      17399 | json
""",
    "colorsys": """import time: self [us] | cumulative | imported package
import time:        99 |         99 |   math
import time:       999 |       1098 | colorsys
""",
}


def check_slowest_import(answers):
    for expected, report in REPORTS.items():
        found = answers["slowest_import"](report)
        expect_type(found, str, "a module's name")
        if found != expected:
            raise Wrong(f"you said {found!r}, but {expected!r} has the largest own time. "
                        "Hint: split each line at '|'; the first number is the module's own time, "
                        "and the name has spaces to strip")


EXERCISES = {
    1: ("explain a circular import", check_circular_import),
    2: ("which file does import find?", check_found_by_import),
    3: ("the slowest import", check_slowest_import),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
