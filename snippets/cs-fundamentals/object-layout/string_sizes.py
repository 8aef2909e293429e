# A str stores 1, 2 or 4 bytes per character: what its widest
# character needs (PEP 393). Each string here is built at run time.
import sys

print("bytes    per char  header  10 chars")
kinds = [
    ("ASCII", "a"), ("Latin-1", "é"), ("UCS-2", "ā"), ("UCS-4", "😀"),
]
for kind, char in kinds:
    ten, twenty = char * 10, char * 20
    width = (sys.getsizeof(twenty) - sys.getsizeof(ten)) // 10
    header = sys.getsizeof(ten) - 11 * width  # 10 chars + a final NUL
    print(f"{kind:<9}{width:<10}{header:<8}{sys.getsizeof(ten)}")

text = "é" * 10
before = sys.getsizeof(text)
print('"é" * 10:       ', before, "bytes")
text.encode("utf-8")  # makes a new bytes object, keeps nothing
print("after encode(): ", sys.getsizeof(text), "bytes")
compile(text, "<text>", "eval")  # C code that reads it as UTF-8
grown = sys.getsizeof(text) - before
print("after compile():", sys.getsizeof(text), f"bytes (+{grown})")
