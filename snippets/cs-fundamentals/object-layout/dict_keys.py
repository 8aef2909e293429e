# Since 3.11 a dict whose keys are all
# str keeps no hash in its entries.
import sys

a = sys.getsizeof({"a": 1})
one = sys.getsizeof({1: 1})
print('{"a": 1}:', a, "bytes")
print("{1: 1}:  ", one, "bytes")
print("str keys smaller?", a < one)
