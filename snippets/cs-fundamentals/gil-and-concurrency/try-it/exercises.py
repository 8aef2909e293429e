"""Checks your answers to the "The GIL and Concurrency" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import math
import pathlib
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


# --- The checks: each takes the learner's namespace and raises Wrong ---------

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


EXERCISES = {
    1: ("fix a race", check_safe_counter),
    2: ("time threads against processes", check_run_in_pool),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
