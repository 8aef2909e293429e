"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""
import dis
import sys

# %% Exercise 1: predict the bytecode
# --8<-- [start:predict_bytecode]
def predict_bytecode():
    # The load of x and the constant 2 changed over the versions.
    if sys.version_info >= (3, 14):
        return ["LOAD_FAST_BORROW", "LOAD_SMALL_INT", "BINARY_OP", "RETURN_VALUE"]
    return ["LOAD_FAST", "LOAD_CONST", "BINARY_OP", "RETURN_VALUE"]
# --8<-- [end:predict_bytecode]


# %% Exercise 2: the instructions a loop uses
# --8<-- [start:loop_instructions]
def loop_instructions(function):
    return {instruction.opname for instruction in dis.get_instructions(function)}
# --8<-- [end:loop_instructions]


# %% Exercise 3: read a .pyc header
# --8<-- [start:read_pyc_header]
def read_pyc_header(data):
    def word(start):
        return int.from_bytes(data[start:start + 4], "little")

    return {
        "magic": int.from_bytes(data[0:2], "little"),
        "flags": word(4),
        "mtime": word(8),
        "size": word(12),
    }
# --8<-- [end:read_pyc_header]


# %% Exercise 4: fix a race
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


# %% Exercise 5: time threads against processes
# --8<-- [start:run_in_pool]
import time  # noqa: E402


def run_in_pool(pool_class, task, inputs):
    start = time.perf_counter()
    with pool_class() as pool:
        results = list(pool.map(task, inputs))
    return results, time.perf_counter() - start
# --8<-- [end:run_in_pool]


# %% Exercise 6: explain a circular import
# --8<-- [start:circular_import]
def circular_import():
    # Step 5 of import: the module is in sys.modules before its code runs.
    return "b"
# --8<-- [end:circular_import]
