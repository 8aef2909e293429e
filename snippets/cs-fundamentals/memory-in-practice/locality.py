# Native CPython only: it times memory access patterns on real hardware.
# Read the same list elements twice: in order, then in a shuffled order.
# The work is identical; only the pattern of memory accesses changes.
import random
import time

N = 3_000_000
values = list(range(N))  # int objects allocated one after another
in_order = list(range(N))
shuffled = in_order[:]
random.Random(42).shuffle(shuffled)


def read_all(indexes):
    total = 0
    for i in indexes:
        total += values[i]
    return total


for label, order in (("in order", in_order), ("shuffled", shuffled)):
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        read_all(order)
        best = min(best, time.perf_counter() - start)
    print(f"{label:<9} {best:.2f} s")
