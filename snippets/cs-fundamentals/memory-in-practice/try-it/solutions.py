"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: the peak memory of a call
import tracemalloc


# --8<-- [start:peak_kib]
def peak_kib(function):
    tracemalloc.start()
    try:
        function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1024
# --8<-- [end:peak_kib]


# %% Exercise 2: read the resident set size
# --8<-- [start:rss_kib]
def rss_kib(status):
    for line in status.splitlines():
        name, _, value = line.partition(":")
        if name == "VmRSS":  # VmHWM is the peak, VmSize all mapped
            return int(value.split()[0])
# --8<-- [end:rss_kib]


# %% Exercise 3: what a cache miss costs
# --8<-- [start:read_times]
def read_times(reads):
    nanosecond = 1e-9
    return reads * 100 * nanosecond, reads * 1 * nanosecond
# --8<-- [end:read_times]
