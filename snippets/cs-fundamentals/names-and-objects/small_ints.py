# CPython keeps one copy of each small int and interns some strings.
# Both are implementation details: never use `is` on numbers or text.
import sys

print("int('256') is int('256'):", int("256") is int("256"))
print("int('257') is int('257'):", int("257") is int("257"))


def cached(n):
    return int(str(n)) is int(str(n))  # two ints made at run time


low = min(n for n in range(-100, 1) if cached(n))
high = max(n for n in range(0, 5000) if cached(n))
print(f"cached ints here: {low} to {high}")

first = "".join(["py", "thon"])   # built at run time: a new string
second = "".join(["py", "thon"])
print("equal strings, same object?", first is second)
print("after sys.intern:", sys.intern(first) is sys.intern(second))
