# The tag in a .pyc file name, and the magic number in its header.
import importlib.util
import sys

magic = importlib.util.MAGIC_NUMBER
print("implementation:", sys.implementation.name)
print("cache_tag:     ", sys.implementation.cache_tag)
print("MAGIC_NUMBER:  ", magic.hex(" "),
      "=", int.from_bytes(magic[:2], "little"))
print("cached name of spam.py:")
print("  ", importlib.util.cache_from_source("spam.py"))
