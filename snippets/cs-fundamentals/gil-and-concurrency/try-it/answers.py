"""Exercises for "The GIL and Concurrency". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""
# Modules you will need (unused until you complete the exercises):
import sys

# %% Exercise 1: fix a race
# Four threads each add 1 to a shared counter `rounds` times, but updates get
# lost. Make it always return `threads * rounds`.
# Native CPython only: WebAssembly Python cannot start threads
import threading  # noqa: E402


def safe_counter(threads, rounds):
    sys.setswitchinterval(1e-6)
    count = [0]

    def one():
        return 1

    def work():
        for _ in range(rounds):
            count[0] += one()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return count[0]


# %% Exercise 2: time threads against processes
# Run `task` on every item of `inputs` in a pool made by `pool_class`
# (`ThreadPoolExecutor` or `ProcessPoolExecutor` from `concurrent.futures`).
# Return (list of results in input order, seconds taken as a float).
# Native CPython only: WebAssembly Python cannot start threads or processes


def run_in_pool(pool_class, task, inputs):
    ...
