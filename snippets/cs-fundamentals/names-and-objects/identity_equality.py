# == asks "equal values?"; `is` asks "the very same object?".
a = [1, 2, 3]
b = [1, 2, 3]
print("a == b:", a == b)
print("a is b:", a is b)
print("id(a) == id(b):", id(a) == id(b))  # `is` compares identities

result = None
print("result is None:", result is None)  # the right test for None
