# A list grows in steps: thanks to spare room, most appends are cheap.
import sys

items = []
last = sys.getsizeof(items)
print(f"len  0: {last} bytes")
for n in range(1, 65):
    items.append(None)
    size = sys.getsizeof(items)
    if size != last:
        print(f"len {n:>2}: {size} bytes")
        last = size
