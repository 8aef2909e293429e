"""Checks your answers to the "Functions, Scopes and Frames" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import inspect
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


# --- The checks: each takes the learner's namespace and raises Wrong ---------

def check_count_words(answers):
    count_words = answers["count_words"]
    first = count_words("to be or not to be")
    expect_type(first, dict, "a dict of counts")
    if first != {"to": 2, "be": 2, "or": 1, "not": 1}:
        raise Wrong(f'count_words("to be or not to be") returned {first!r}. '
                    "Hint: count each word of text.split()")
    second = count_words("be")
    if second != {"be": 1}:
        raise Wrong(f'a second call, count_words("be"), returned {second!r}, not {{\'be\': 1}}: '
                    "the default dict is made once, when def runs, and kept. "
                    "Hint: default to None and make a new dict inside the function")
    mine = {}
    given = count_words("hi hi", mine)
    if given is not mine or mine != {"hi": 2}:
        raise Wrong("count_words(\"hi hi\", mine) with mine = {} should fill mine and return it, "
                    f"but mine is {mine!r}. Hint: an empty dict is false, so test "
                    "`counts is None`, not `not counts` or `counts or {}`")


def counter_cell(function, name):
    cells = function.__closure__ or ()
    numbers = [cell for cell in cells if isinstance(cell.cell_contents, int)]
    if not numbers:
        raise Wrong(f"{name} keeps no number in a closure cell. Hint: keep `count = 0` in "
                    "make_counter and write `nonlocal count` in each inner function")
    return numbers[0]


def check_make_counter(answers):
    made = answers["make_counter"]()
    expect_type(made, tuple, "a tuple (increment, reset)")
    if len(made) != 2 or not all(callable(f) for f in made):
        raise Wrong("make_counter() should return two functions: increment, reset")
    increment, reset = made
    try:
        counts = [increment(), increment(), increment()]
        if counts != [1, 2, 3]:
            raise Wrong(f"three calls of increment() returned {counts}, not [1, 2, 3]. "
                        "Hint: add 1 to count, then return it")
        other, _ = answers["make_counter"]()
        if other() != 1 or increment() != 4:
            raise Wrong("two counters share one count: each make_counter() call should start "
                        "its own. Hint: keep count inside make_counter, not at module level")
        reset()
        if increment() != 1:
            raise Wrong("after reset(), increment() should return 1. Hint: reset needs "
                        "`nonlocal count` too, or `count = 0` makes a new local name")
    except UnboundLocalError as error:
        raise Wrong(f"UnboundLocalError: {error}. Hint: an assignment makes count local to "
                    "the inner function; declare it `nonlocal count`") from None
    if counter_cell(increment, "increment") is not counter_cell(reset, "reset"):
        raise Wrong("increment and reset should share one cell. Hint: both use make_counter's count")


def check_make_handlers(answers):
    names = ["ok", "cancel", "help"]
    handlers = answers["make_handlers"](names)
    expect_type(handlers, dict, "a dict of handlers")
    if sorted(handlers) != sorted(names):
        raise Wrong(f"the dict's keys are {sorted(handlers)}, not the names {sorted(names)}")
    for name in names:
        said = handlers[name]()
        if said != "clicked " + name:
            raise Wrong(f'handlers["{name}"]() returned {said!r}, not "clicked {name}": the '
                        "function reads name when it is called, after the loop. Hint: "
                        "store the value now, with a default argument (name=name)")


def check_evens(answers):
    evens, states = answers["evens"], answers["states"]
    if not inspect.isgeneratorfunction(evens):
        raise Wrong("evens should be a generator function. Hint: yield each number "
                    "instead of building a list")
    for limit, expected in ((7, [0, 2, 4, 6]), (6, [0, 2, 4]), (0, [])):
        found = list(evens(limit))
        if found != expected:
            raise Wrong(f"list(evens({limit})) is {found}, not {expected}. "
                        "Hint: start at 0, add 2 each time, and stop before limit")
    cases = (
        (evens(5), 3),
        ((letter for letter in "ab"), 2),
        ((letter for letter in ""), 0),
    )
    for gen, values in cases:
        expected = ["GEN_CREATED", *["GEN_SUSPENDED"] * values, "GEN_CLOSED"]
        found = states(gen)
        expect_type(found, list, "a list of states")
        if found != expected:
            raise Wrong(f"for a generator of {values} values, states() returned {found}, not "
                        f"{expected}. Hint: record the state once before the loop, once "
                        "inside it, and once after it")


EXERCISES = {
    1: ("fix a mutable default", check_count_words),
    2: ("a counter factory", check_make_counter),
    3: ("fix the late binding", check_make_handlers),
    4: ("a generator and its states", check_evens),
}

if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
