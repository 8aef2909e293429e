"""Checks your answers to the "Names, Identity and Copies" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


def check_make_grid(answers):
    grid = answers["make_grid"](3, 4)
    expect_type(grid, list, "a list of rows")
    if len(grid) != 3 or any(not isinstance(row, list) or row != [0] * 4 for row in grid):
        raise Wrong(f"make_grid(3, 4) returned {grid!r}; expected 3 rows of 4 zeros")
    grid[0][0] = 1
    if grid[1][0] == 1:
        raise Wrong("setting grid[0][0] also changed grid[1][0]: the rows are one shared list. "
                    "Hint: build each row anew, with a list comprehension")


def check_clone_settings(answers):
    settings = {"name": "demo", "tags": ["a"], "limits": {"cpu": [1, 2]}}
    clone = answers["clone_settings"](settings)
    expect_type(clone, dict, "a dict")
    if clone != settings:
        raise Wrong(f"the copy {clone!r} is not equal to the original")
    clone["tags"].append("b")
    clone["limits"]["cpu"].append(3)
    if settings["tags"] != ["a"] or settings["limits"]["cpu"] != [1, 2]:
        raise Wrong("changing a list inside the copy changed the original: the copy is shallow. "
                    "Hint: the copy module copies all the way down")


def check_identity_quiz(answers):
    choice = answers["identity_quiz"]()
    expect_type(choice, str, 'one of "a", "b", "c" or "d"')
    if choice.strip().lower() != "b":
        raise Wrong(f'"{choice}" is not it. Hint: which ints does CPython keep one shared object for?')


EXERCISES = {
    1: ("a grid with independent rows", check_make_grid),
    2: ("an independent copy of nested settings", check_clone_settings),
    3: ("why `is` surprises", check_identity_quiz),
}

if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
