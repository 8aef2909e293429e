"""Exercises for "The GIL and Concurrency". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""
# Modules you will need (unused until you complete the exercises):
import asyncio
import sys

# %% Exercise 1: fix a race
# Objective: 1
# Four threads each deposit 1 into one account, many times, but deposits
# get lost. Make `deposit` safe, so the balance always ends at the number
# of deposits. Use only `account.balance`: reading it and writing it each
# let other threads run, as a database or a file would.
# Native CPython only: WebAssembly Python cannot start threads
import threading  # noqa: E402


def deposit(account, amount):
    balance = account.balance
    account.balance = balance + amount


# %% Exercise 2: time threads against processes
# Objective: 3
# Run `task` on every item of `inputs` in a pool made by `pool_class`
# (`ThreadPoolExecutor` or `ProcessPoolExecutor`). Return (the results in
# input order, the seconds from starting the pool to the last result).
# Native CPython only: WebAssembly Python cannot start threads or processes


def run_in_pool(pool_class, task, inputs):
    ...


# %% Exercise 3: wait together with asyncio
# Objective: 3
# `fetch(i)` waits 0.1 s, as a network reply would, then returns i * i.
# `fetch_all(n)` awaits them one after another, so 50 take 5 s. Make it
# wait for all of them at once, still returning the results in order.
# Native CPython only: in the browser, Python shares the page's event loop


async def fetch(i):
    await asyncio.sleep(0.1)
    return i * i


async def fetch_all(n):
    results = []
    for i in range(n):
        results.append(await fetch(i))
    return results


# %% Exercise 4: which GIL is this?
# Objective: 2
# `disabled` is `sysconfig.get_config_var("Py_GIL_DISABLED")`: 1 on a
# free-threaded build, 0 or None otherwise. `enabled_now` is what
# `sys._is_gil_enabled()` returns, or None on a Python older than 3.13,
# which lacks it. Return "GIL build", "free-threaded, GIL off" or
# "free-threaded, GIL on".


def gil_state(disabled, enabled_now):
    return ""
