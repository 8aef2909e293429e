"""Checks your answers to the "How Python Works" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import dis
import math
import pathlib
import py_compile
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

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


def check_safe_counter(answers):
    threads, rounds = 4, 20_000
    # A race can hide in one run, more often on a busy machine, so keep
    # running for a second: unlocked code loses updates well within it.
    deadline = time.perf_counter() + 1
    while True:
        count = answers["safe_counter"](threads, rounds)
        expect_type(count, int, "an int")
        if count != threads * rounds:
            raise Wrong(f"counted {count:,} of {threads * rounds:,}: updates were lost. "
                        "Hint: hold a threading.Lock while you read and write the counter")
        if time.perf_counter() > deadline:
            return


def check_run_in_pool(answers):
    inputs = [10**6, 10**8, 10**10, 10**12]
    for pool_class in (ThreadPoolExecutor, ProcessPoolExecutor):
        outcome = answers["run_in_pool"](pool_class, math.isqrt, inputs)
        expect_type(outcome, tuple, "a tuple (results, seconds)")
        if len(outcome) != 2:
            raise Wrong(f"should return 2 things (results, seconds), returned {len(outcome)}")
        results, seconds = outcome
        if list(results) != [math.isqrt(n) for n in inputs]:
            raise Wrong(f"with {pool_class.__name__} the results were {results!r}. "
                        "Hint: pool.map(task, inputs) keeps the input order")
        expect_type(seconds, float, "the seconds as a float (time.perf_counter() differences are)")


def check_circular_import(answers):
    choice = answers["circular_import"]()
    expect_type(choice, str, 'one of "a", "b", "c" or "d"')
    if choice.strip().lower() != "b":
        raise Wrong(f'"{choice}" is not it. Hint: when does import put a module in sys.modules?')


EXERCISES = {
    1: ("predict the bytecode", check_predict_bytecode),
    2: ("the instructions a loop uses", check_loop_instructions),
    3: ("read a .pyc header", check_read_pyc_header),
    4: ("fix a race", check_safe_counter),
    5: ("time threads against processes", check_run_in_pool),
    6: ("explain a circular import", check_circular_import),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
