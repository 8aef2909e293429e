# Native CPython only: it starts threads and processes.
# Four CPU-bound tasks and four I/O-bound tasks, run one after another,
# in threads, and (CPU only) in processes. Timings vary; the shape
# does not.
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 4


def count_down(_):  # pure Python arithmetic: holds the GIL throughout
    n = 10_000_000
    while n:
        n -= 1


def wait_for_io(_):  # sleeping releases the GIL, as a network read does
    time.sleep(0.2)


def one_after_another(task):
    for i in range(TASKS):
        task(i)


def in_pool(pool_class, task):
    with pool_class(max_workers=TASKS) as pool:
        list(pool.map(task, range(TASKS)))


def timed(label, run, *args):
    start = time.perf_counter()
    run(*args)
    print(f"{label:<24} {time.perf_counter() - start:.2f} s")


# Worker processes re-import this file: guard the main part.
if __name__ == "__main__":
    timed("CPU, one after another", one_after_another, count_down)
    timed("CPU, 4 threads", in_pool, ThreadPoolExecutor, count_down)
    timed("CPU, 4 processes", in_pool, ProcessPoolExecutor, count_down)
    timed("I/O, one after another", one_after_another, wait_for_io)
    timed("I/O, 4 threads", in_pool, ThreadPoolExecutor, wait_for_io)
