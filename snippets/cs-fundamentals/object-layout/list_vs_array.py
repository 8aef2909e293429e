# A list stores pointers to int objects; an array stores the numbers.
import array
import sys

# above every small-int cache, so 1,000 distinct int objects
numbers = list(range(10_000, 11_000))
packed = array.array("q", numbers)  # 8-byte signed ints, side by side

ints = sum(sys.getsizeof(n) for n in numbers)
list_total = sys.getsizeof(numbers) + ints
array_total = sys.getsizeof(packed)
print("list, with its int objects:", list_total, "bytes")
print("array('q'):                ", array_total, "bytes")
print(f"array / list: {array_total / list_total:.0%}")
