# Two objects that refer to each other never reach a count of zero:
# the cyclic garbage collector finds and frees them.
import gc
import weakref


class Node:
    pass


gc.disable()  # no automatic collection while we look
a, b = Node(), Node()
a.partner, b.partner = b, a          # a cycle
watch = weakref.ref(a)               # sees a, does not keep it alive
del a, b
print("unreachable but alive?", watch() is not None)
found = gc.collect()
print("collector found objects?", found > 0)
print("alive after gc.collect()?", watch() is not None)
print("generation thresholds:", gc.get_threshold())
gc.enable()
