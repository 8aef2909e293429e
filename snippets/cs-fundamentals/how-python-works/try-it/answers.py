"""Exercises for "How Python Works". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""
# Modules you will need (unused until you complete the exercises):
import dis
import sys

# %% Exercise 1: predict the bytecode
# Write down, without running dis, the instruction names CPython uses for
# `def double(x): return x * 2` on the Python version you run this with
# (`sys.version_info` tells you which). Leave out `RESUME`. Then check to see
# if you were right.


def predict_bytecode():
    return []


# %% Exercise 2: the instructions a loop uses
# Return the set of instruction names (strings) in `function`'s bytecode.
# Hint: dis.get_instructions(function).


def loop_instructions(function):
    ...


# %% Exercise 3: read a .pyc header
# `data` is the content of a .pyc file. Return a dict with the keys
# "magic" (the int in the first two bytes, little-endian), "flags",
# "mtime" and "size" (each a 4-byte little-endian unsigned int).


def read_pyc_header(data):
    ...


# %% Exercise 4: fix a race
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


# %% Exercise 5: time threads against processes
# Run `task` on every item of `inputs` in a pool made by `pool_class`
# (`ThreadPoolExecutor` or `ProcessPoolExecutor` from `concurrent.futures`).
# Return (list of results in input order, seconds taken as a float).
# Native CPython only: WebAssembly Python cannot start threads or processes


def run_in_pool(pool_class, task, inputs):
    ...


# %% Exercise 6: explain a circular import
# orders.py starts with `import billing` and defines TAX_RATE further down.
# billing.py does `from orders import TAX_RATE`. Running `import orders` fails.
# Which explanation is right? Return "a", "b", "c" or "d".
#
# - a) Python cannot import two modules that import each other.
# - b) orders is already in sys.modules while its code runs, so billing gets
#   the half-run module, which has no TAX_RATE yet.
# - c) billing is imported twice, and the second import deletes TAX_RATE.
# - d) The .pyc file of orders is stale.


def circular_import():
    return ""
