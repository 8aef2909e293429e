# How many bytes an object itself takes (not the objects it refers to).
import sys

samples = [
    ("0", 0), ("1", 1), ("2**30", 2**30), ("2**100", 2**100), ("1.5", 1.5),
    ('""', ""), ('"a"', "a"), ('"abc"', "abc"), ('"é"', "é"),
    ("()", ()), ("[]", []), ("[1, 2, 3]", [1, 2, 3]),
    ("{}", {}), ('{"a": 1}', {"a": 1}), ("set()", set()), ("object()", object()),
]
print("pointer size:", 8 if sys.maxsize > 2**32 else 4, "bytes")
for label, value in samples:
    print(f"{label:<10} {sys.getsizeof(value):>4} bytes")
