"""Checks your answers to the "Sizes and Layout" exercises.

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


def check_growth_points(answers):
    points = answers["growth_points"](64)
    expect_type(points, list, "a list of lengths")
    items, expected, size = [], [], sys.getsizeof([])
    for length in range(1, 65):
        items.append(None)
        if sys.getsizeof(items) != size:
            size = sys.getsizeof(items)
            expected.append(length)
    if points != expected:
        raise Wrong(f"growth_points(64) returned {points}, but this Python grows at {expected}. "
                    "Hint: compare sys.getsizeof before and after each append")


EXERCISES = {
    1: ("where a list grows", check_growth_points),
}

if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
