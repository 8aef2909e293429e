"""Exercises for "Allocators, Measurement and the Hardware". Complete each
function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts. Each one starts with the imports it needs.
"""

# %% Exercise 1: the peak memory of a call
# Objective: 1
# Return the peak memory, in KiB (a float), that tracemalloc traces while
# calling function() once.
import tracemalloc


def peak_kib(function):
    ...


# %% Exercise 2: read the resident set size
# Objective: 2
# `status` is the text of /proc/self/status on Linux: one `Name:  value` line
# per field, sizes in kB. Return the process's current resident set size,
# in KiB, as an int.


def rss_kib(status):
    for line in status.splitlines():
        name, _, value = line.partition(":")
    return 0


# %% Exercise 3: what a cache miss costs
# Objective: 3
# A program makes `reads` reads of memory. Using the table of the memory
# hierarchy (RAM: about 100 ns a read; the L1 cache: about 1 ns), return
# (seconds if every read waits for RAM, seconds if every read finds its
# data in L1), as two floats.


def read_times(reads):
    return 0.0, 0.0
