# How many bytes an object itself takes, not the objects it refers to.
import sys

print("pointer size:", 8 if sys.maxsize > 2**32 else 4, "bytes")
print("int digits:", sys.int_info.bits_per_digit, "bits each")
samples = [
    ("object()", object()), ("0", 0), ("1", 1), ("2**30", 2**30),
    ("2**100", 2**100), ("1.5", 1.5), ("()", ()), ("[]", []),
    ("[1, 2, 3]", [1, 2, 3]), ("{}", {}), ('{"a": 1}', {"a": 1}),
    ("set()", set()),
]
for label, value in samples:
    size = sys.getsizeof(value)
    # getsizeof also counts the GC header in front of a container
    gc_header = size - value.__sizeof__()
    note = f", {gc_header} of them GC header" if gc_header else ""
    print(f"{label:<10}{size:>4} bytes{note}")
