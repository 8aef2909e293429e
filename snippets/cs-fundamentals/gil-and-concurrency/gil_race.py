# Native CPython only: it starts threads, which Pyodide does not have.
# The GIL keeps the interpreter consistent, not your code:
# `counter += step()` reads counter, calls step(), then writes counter
# back. A thread switch in between loses the other threads' updates.
import sys
import threading

sys.setswitchinterval(1e-6)  # switch very often, to show it quickly
THREADS, ROUNDS = 4, 100_000
counter = 0
lock = threading.Lock()
starting_line = threading.Barrier(THREADS)  # all threads race at once


def step():
    return 1


def unsafe():
    global counter
    starting_line.wait()
    for _ in range(ROUNDS):
        counter += step()


def safe():
    global counter
    starting_line.wait()
    for _ in range(ROUNDS):
        with lock:
            counter += step()


for worker in (unsafe, safe):
    counter = 0
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lost = THREADS * ROUNDS - counter
    answer = "yes" if lost else "no"
    print(f"{worker.__name__:>6}: lost updates? {answer}")
