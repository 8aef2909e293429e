# Native CPython only: it starts a new Python process.
# What `import json` costs, module by module: the figures of
# `python -X importtime -c "import json"`, read back. (-I -S leave
# out site folders, so every machine imports the same modules.)
import subprocess
import sys

done = subprocess.run(
    [sys.executable, "-I", "-S", "-X", "importtime",
     "-c", "import json"],
    capture_output=True, text=True,
)
# A line per module, printed when it is done (so after what it
# imported): "import time: <own µs> | <with its imports> | <name>",
# the name indented two spaces for each level of nesting.
rows = []
for line in done.stderr.splitlines()[1:]:
    own, total, name = line.removeprefix("import time:").split("|")
    depth = (len(name) - len(name.lstrip()) - 1) // 2
    rows.append((depth, name.strip(), int(own), int(total)))
# json's part is the rows after the previous top-level module.
first = max(i for i, row in enumerate(rows[:-1]) if row[0] == 0) + 1
for depth, name, own, total in reversed(rows[first:]):
    if depth <= 2:  # json, what it imports, and what those import
        print(f"{'  ' * depth}{name}: {total / 1000:.1f} ms with "
              f"its imports, {own / 1000:.1f} ms its own")
