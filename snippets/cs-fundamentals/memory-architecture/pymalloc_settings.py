# Native CPython only: it reads the allocator report that CPython writes to stderr.
# pymalloc serves small requests from blocks in pools inside arenas.
import re
import subprocess
import sys

report = subprocess.run(
    [sys.executable, "-c", "import sys; sys._debugmallocstats()"],
    capture_output=True, text=True, check=True,
).stderr
print(re.search(r"Small block threshold = \d+, in \d+ size classes\.", report).group())
print("arena size:", re.search(r"\* (\d+) bytes/arena", report).group(1), "bytes")
