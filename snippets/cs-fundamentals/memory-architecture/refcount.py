# Every object counts the references to it; at zero it is freed at once.
import sys

data = object()
print("one name:      ", sys.getrefcount(data))  # +1 for getrefcount's own argument
holder = [data, data]
print("+ list holds 2:", sys.getrefcount(data))
del holder
print("list deleted:  ", sys.getrefcount(data))
print("None is immortal (3.12+)?", sys.getrefcount(None) > 2**20)
