"""Checks your answers to the "From Source to Bytecode" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import dis
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


# --- The checks: each takes the learner's namespace and raises Wrong ---------

def double(x):
    return x * 2


def check_predict_bytecode(answers):
    predicted = answers["predict_bytecode"]()
    expect_type(predicted, list, "a list of instruction names")
    actual = [i.opname for i in dis.get_instructions(double) if i.opname != "RESUME"]
    if predicted != actual:
        # Say how close the guess is, not the answer: predicting is the exercise.
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        right = sum(guess == real for guess, real in zip(predicted, actual))
        raise Wrong(f"not yet: Python {version} uses {len(actual)} instructions here, and {right} of "
                    "yours are right and in the right place. Hint: compare with the dis listings "
                    "in the lesson, or run dis.dis on it")


def loop_example(items):
    total = 0
    for item in items:
        total += item
    return total


def check_loop_instructions(answers):
    found = answers["loop_instructions"](loop_example)
    expect_type(found, (set, frozenset), "a set of instruction names")
    actual = {i.opname for i in dis.get_instructions(loop_example)}
    if set(found) != actual:
        raise Wrong(f"missing {sorted(actual - set(found))}, extra {sorted(set(found) - actual)}. "
                    "Hint: dis.get_instructions(function) yields objects with .opname")


EXERCISES = {
    1: ("predict the bytecode", check_predict_bytecode),
    2: ("the instructions a loop uses", check_loop_instructions),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
