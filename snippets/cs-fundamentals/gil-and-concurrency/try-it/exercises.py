"""Checks your answers to the "The GIL and Concurrency" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import asyncio
import os
import pathlib
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


# --- The checks: each takes the learner's namespace and raises Wrong ---------

class Account:
    """A balance whose every read and write lets other threads run
    (time.sleep(0) releases the GIL), as a database or a file would: a
    race shows whatever the switch interval, and even with no call
    between a read and a write."""

    def __init__(self):
        self._balance = 0

    @property
    def balance(self):
        time.sleep(0)
        return self._balance

    @balance.setter
    def balance(self, value):
        time.sleep(0)
        self._balance = value


def check_safe_deposit(answers):
    threads, rounds = 4, 500
    account = Account()
    deposit = answers["deposit"]

    def work():
        for _ in range(rounds):
            deposit(account, 1)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if account._balance != threads * rounds:
        raise Wrong(f"the balance is {account._balance:,} after {threads * rounds:,} deposits of 1: "
                    "deposits were lost. Hint: hold a threading.Lock while you read and write it")


def crunch(n):
    """CPU-bound pure Python; also says where, and for how long, it ran."""
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return total, os.getpid(), threading.get_ident(), time.perf_counter() - started


def check_run_in_pool(answers):
    inputs = [100_000, 300_000, 200_000, 400_000]
    for pool_class in (ThreadPoolExecutor, ProcessPoolExecutor):
        name = pool_class.__name__
        started = time.perf_counter()
        outcome = answers["run_in_pool"](pool_class, crunch, inputs)
        whole_call = time.perf_counter() - started
        expect_type(outcome, tuple, "a tuple (results, seconds)")
        if len(outcome) != 2:
            raise Wrong(f"should return 2 things (results, seconds), returned {len(outcome)}")
        results, seconds = outcome
        if [result[0] for result in results] != [n * (n - 1) // 2 for n in inputs]:
            raise Wrong(f"with {name} the results were not the tasks' results in input order. "
                        "Hint: pool.map(task, inputs) keeps the order")
        if pool_class is ThreadPoolExecutor and threading.get_ident() in {r[2] for r in results}:
            raise Wrong(f"with {name} the tasks ran in your own thread. Hint: give them to the pool, with pool.map")
        if pool_class is ProcessPoolExecutor and os.getpid() in {r[1] for r in results}:
            raise Wrong(f"with {name} the tasks ran in your own process. Hint: give them to the pool, with pool.map")
        expect_type(seconds, float, "the seconds as a float (time.perf_counter() differences are)")
        longest = max(result[3] for result in results)
        if not longest <= seconds <= whole_call:
            raise Wrong(f"with {name} you said {seconds:.3f} s, but the longest task alone took "
                        f"{longest:.3f} s and the whole call {whole_call:.3f} s. "
                        "Hint: read time.perf_counter() before the pool starts and after the results are in")


def check_fetch_all(answers):
    n = 50  # one after another: 5 s; together: about 0.1 s
    started = time.perf_counter()
    results = asyncio.run(answers["fetch_all"](n))
    seconds = time.perf_counter() - started
    expect_type(results, list, "a list of the results")
    if results != [i * i for i in range(n)]:
        raise Wrong(f"returned {results[:5]!r}... instead of [0, 1, 4, 9, 16, ...]. "
                    "Hint: asyncio.gather returns the results in the order you gave the coroutines")
    if seconds > 2:
        raise Wrong(f"{n} waits of 0.1 s took {seconds:.1f} s: they still ran one after another. "
                    "Hint: create every coroutine first, then await them together with asyncio.gather")


GIL_STATES = [
    # (Py_GIL_DISABLED, sys._is_gil_enabled(), the answer, where it happens)
    (None, None, "GIL build", "3.11 and 3.12, whose sysconfig has no Py_GIL_DISABLED"),
    (0, True, "GIL build", "the default build of 3.13 and later"),
    (1, False, "free-threaded, GIL off", "python3.13t as it starts"),
    (1, True, "free-threaded, GIL on", "python3.13t after importing an extension not marked safe"),
]


def check_gil_state(answers):
    for disabled, enabled_now, expected, where in GIL_STATES:
        said = answers["gil_state"](disabled, enabled_now)
        if said != expected:
            raise Wrong(f"gil_state({disabled!r}, {enabled_now!r}) returned {said!r}; on {where} "
                        f"it is {expected!r}. Hint: the build first (Py_GIL_DISABLED), then the state now")


EXERCISES = {
    1: ("fix a race", check_safe_deposit),
    2: ("time threads against processes", check_run_in_pool),
    3: ("wait together with asyncio", check_fetch_all),
    4: ("which GIL is this?", check_gil_state),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
