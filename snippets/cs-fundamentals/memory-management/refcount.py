# Every object counts the references to it; at zero it is freed.
import sys

data = object()
# getrefcount's own argument is one more reference while it runs
print("one name:      ", sys.getrefcount(data))
holder = [data, data]
print("+ list holds 2:", sys.getrefcount(data))
del holder
print("list deleted:  ", sys.getrefcount(data))


def local_count():
    local = object()
    return sys.getrefcount(local)


print("a local, in a function:", local_count())
print("None is immortal (3.12+)?", sys.getrefcount(None) > 2**20)
