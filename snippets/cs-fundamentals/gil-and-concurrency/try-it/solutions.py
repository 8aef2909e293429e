"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""
import sys

# %% Exercise 1: fix a race
import threading  # noqa: E402


# --8<-- [start:safe_counter]
def safe_counter(threads, rounds):
    sys.setswitchinterval(1e-6)
    count = [0]
    lock = threading.Lock()

    def one():
        return 1

    def work():
        for _ in range(rounds):
            with lock:  # read, add and write as one step
                count[0] += one()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return count[0]
# --8<-- [end:safe_counter]


# %% Exercise 2: time threads against processes
# --8<-- [start:run_in_pool]
import time  # noqa: E402


def run_in_pool(pool_class, task, inputs):
    start = time.perf_counter()
    with pool_class() as pool:
        results = list(pool.map(task, inputs))
    return results, time.perf_counter() - start
# --8<-- [end:run_in_pool]
