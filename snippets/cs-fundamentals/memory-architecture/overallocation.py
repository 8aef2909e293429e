# A list grows in steps: it keeps spare room so most appends do not reallocate.
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
