# CPython keeps one copy of each small int (-5 to 256) and interns some strings.
# Both are implementation details: never rely on `is` for numbers or text.
import sys

print("int('256') is int('256'):", int("256") is int("256"))
print("int('257') is int('257'):", int("257") is int("257"))

first = "".join(["py", "thon"])   # built at run time: a new string
second = "".join(["py", "thon"])
print("equal strings, same object?", first is second)
print("after sys.intern:          ", sys.intern(first) is sys.intern(second))
