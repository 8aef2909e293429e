# Native CPython only: it compiles to a real file and reads the header.
# The 16-byte header of a .pyc: magic number, flags, source mtime and
# source size.
import importlib.util
import pathlib
import py_compile
import tempfile

with tempfile.TemporaryDirectory() as folder:
    source = pathlib.Path(folder) / "spam.py"
    source.write_text("eggs = 42\n")
    pyc = pathlib.Path(py_compile.compile(source, doraise=True))
    print("written to:", pyc.relative_to(folder))

    header = pyc.read_bytes()[:16]
    magic, flags = header[0:4], int.from_bytes(header[4:8], "little")
    mtime = int.from_bytes(header[8:12], "little")
    size = int.from_bytes(header[12:16], "little")
    stat = source.stat()
    print("magic number:", int.from_bytes(magic[:2], "little"))
    print("same magic as this Python:",
          magic == importlib.util.MAGIC_NUMBER)
    print("flags:", flags, "(0: checked by source mtime and size)")
    print("mtime matches the source:",
          mtime == int(stat.st_mtime) & 0xFFFFFFFF)
    print("size matches the source: ", size == stat.st_size)
