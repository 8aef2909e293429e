# Explicit lazy imports (PEP 810) are new in 3.15. The statement is
# compiled from a string, so older versions can run this file too.
import dis
import pathlib
import sys
import tempfile

RUN = """\
lazy import heavy
print("after `lazy import heavy`: loaded?", "heavy" in sys.modules)
print("  the name holds a", type(globals()["heavy"]).__name__)
print("first use:", heavy.ANSWER)
print("after first use: loaded?", "heavy" in sys.modules)
print("  the name holds a", type(globals()["heavy"]).__name__)
"""

if sys.version_info < (3, 15):
    print("`lazy import` needs Python 3.15; this is %d.%d."
          % sys.version_info[:2])
else:
    dis.dis(compile("lazy import json\n", "<lazy>", "exec"))
    print()
    folder = tempfile.mkdtemp()
    pathlib.Path(folder, "heavy.py").write_text(
        "print('  (heavy.py runs now)')\nANSWER = 42\n"
    )
    sys.path.insert(0, folder)
    exec(compile(RUN, "<lazy>", "exec"), {"sys": sys})
