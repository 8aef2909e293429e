# The tag in a .pyc file name, and the magic number in its header.
import importlib.util
import sys

print("implementation:", sys.implementation.name)
print("cache_tag:     ", sys.implementation.cache_tag)
magic = importlib.util.MAGIC_NUMBER
print("MAGIC_NUMBER:  ", magic.hex(" "), "=", int.from_bytes(magic[:2], "little"))
print("cached name of spam.py:", importlib.util.cache_from_source("spam.py"))
