# Native CPython only: it reads the allocator report CPython prints
# to stderr, from a child process.
# pymalloc serves small requests from blocks in pools inside arenas.
import re
import subprocess
import sys

report = subprocess.run(
    [sys.executable, "-c", "import sys; sys._debugmallocstats()"],
    capture_output=True, text=True, check=True,
).stderr
classes = r"Small block threshold = \d+, in \d+ size classes\."
print(re.search(classes, report).group())
arena = re.search(r"\* (\d+) bytes/arena", report).group(1)
print("arena size:", arena, "bytes")
