# In CPython, id() is an object's address in memory. How far is each
# int object read from the one read just before it?
import random

N = 100_000
values = list(range(N))  # int objects allocated one after another
in_order = list(range(N))
shuffled = in_order[:]
random.Random(42).shuffle(shuffled)


def share_near(order):  # reads under 64 bytes (a cache line) away
    addresses = [id(values[i]) for i in order]
    steps = zip(addresses, addresses[1:])
    near = sum(abs(b - a) < 64 for a, b in steps)
    return near / (len(addresses) - 1)


def in_words(share):  # the exact share differs a little between builds
    if share > 0.9:
        return "over 90%"
    return "under 1%" if share < 0.01 else "between 1% and 90%"


print("reads under 64 bytes from the previous object:")
for label, order in (("in order", in_order), ("shuffled", shuffled)):
    print(f"{label}: {in_words(share_near(order))}")
