"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""
import sys

# %% Exercise 1: fix a race
import threading  # noqa: E402

# --8<-- [start:deposit]
lock = threading.Lock()


def deposit(account, amount):
    with lock:  # read, add and write as one step
        account.balance = account.balance + amount
# --8<-- [end:deposit]


# %% Exercise 2: time threads against processes
# --8<-- [start:run_in_pool]
import time  # noqa: E402


def run_in_pool(pool_class, task, inputs):
    start = time.perf_counter()
    with pool_class() as pool:
        results = list(pool.map(task, inputs))
    return results, time.perf_counter() - start
# --8<-- [end:run_in_pool]


# %% Exercise 3: wait together with asyncio
import asyncio  # noqa: E402


async def fetch(i):
    await asyncio.sleep(0.1)
    return i * i


# --8<-- [start:fetch_all]
async def fetch_all(n):
    # gather runs the coroutines together, and keeps their order
    return await asyncio.gather(*(fetch(i) for i in range(n)))
# --8<-- [end:fetch_all]


# %% Exercise 4: which GIL is this?
# --8<-- [start:gil_state]
def gil_state(disabled, enabled_now):
    if not disabled:  # fixed when CPython was compiled
        return "GIL build"
    # A free-threaded build can turn the GIL on while it runs
    return "free-threaded, GIL on" if enabled_now else "free-threaded, GIL off"
# --8<-- [end:gil_state]
