# A list stores pointers to int objects; an array stores the numbers themselves.
import array
import sys

numbers = list(range(1000, 2000))  # above the small-int cache, so 1000 distinct ints
packed = array.array("q", numbers)  # 8-byte signed integers, side by side

list_total = sys.getsizeof(numbers) + sum(sys.getsizeof(n) for n in numbers)
print("list, with its int objects:", list_total, "bytes")
print("array('q'):                ", sys.getsizeof(packed), "bytes")
print(f"bytes per number: list {list_total / len(numbers):.1f}, array {sys.getsizeof(packed) / len(packed):.1f}")
