# Where `import` looks for files: sys.path, in order. Long, machine-
# specific prefixes are replaced by short names.
import os
import sys

names = {
    os.path.dirname(os.path.abspath(__file__)): "<script folder>",
    sys.base_prefix: "<prefix>",
}
for entry in sys.path:
    shown = entry if entry else "'' (the current folder)"
    for path, name in names.items():
        if path not in ("", "/") and entry == path:
            shown = name
        elif path not in ("", "/") and entry.startswith(path + "/"):
            shown = name + entry[len(path):]
    print(shown)
