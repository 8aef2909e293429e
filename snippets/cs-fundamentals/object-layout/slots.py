# What one instance costs: attributes in a __dict__, or in __slots__.
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def point_and_dict():
    point = Point(1, 2)
    point.__dict__  # asking for it makes a dict object
    return point


def bytes_each(make, n=10_000):
    """Memory allocated for each of n objects that make() returns."""
    kept = [None] * n
    tracemalloc.start()
    for i in range(n):
        kept[i] = make()
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return round(used / n)


print("Point:           ", bytes_each(lambda: Point(1, 2)), "bytes")
print("Point, __dict__: ", bytes_each(point_and_dict), "bytes")
print("SlotPoint:       ", bytes_each(lambda: SlotPoint(1, 2)), "bytes")
print("SlotPoint has a __dict__?", hasattr(SlotPoint(1, 2), "__dict__"))
