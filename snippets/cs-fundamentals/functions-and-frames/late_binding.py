# Closures read their cells when called.
from functools import partial
from operator import add


def make_adders():
    adders = []
    for n in range(3):
        adders.append(lambda x: x + n)
    return adders


adders = make_adders()
print("late:", [a(1) for a in adders])
first, last = adders[0], adders[2]
cell = first.__closure__[0]
same = cell is last.__closure__[0]
print("one cell?", same)
early = [lambda x, n=n: x + n
         for n in range(3)]
print("default:", [a(1) for a in early])
bound = [partial(add, n)
         for n in range(3)]
print("partial:", [a(1) for a in bound])
