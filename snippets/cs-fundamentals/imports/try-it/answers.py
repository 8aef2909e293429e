"""Exercises for "How import Works". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""

# %% Exercise 1: explain a circular import
# Objective: 1
# orders.py starts with `import billing` and defines TAX_RATE further down.
# billing.py does `from orders import TAX_RATE`. Running `import orders` fails.
# Which explanation is right? Return "a", "b", "c" or "d".
#
# - a) Python cannot import two modules that import each other.
# - b) orders is already in sys.modules while its code runs, so billing gets
#   the half-run module, which has no TAX_RATE yet.
# - c) billing is imported twice, and the second import deletes TAX_RATE.
# - d) The .pyc file of orders is stale.


def circular_import():
    return ""


# %% Exercise 2: which file does import find?
# Objective: 1
# `path` lists folders in the order `import` searches them. Return the
# file `import name` would load: `<folder>/<name>/__init__.py` (a
# package) or `<folder>/<name>.py` (a module), from the first folder
# that has either; in one folder, a package wins. None if no folder has
# it. Look at the files only (os.path.isfile); import nothing.
import os  # noqa: E402


def found_by_import(name, path):
    return None


# %% Exercise 3: the slowest import
# Objective: 2
# `report` is what `python -X importtime -c "import json"` prints: a
# header line, then a line per module, such as
# `import time:       674 |      26606 |   json.decoder`: its own time
# in µs, the time with its imports, and its name, indented two spaces
# per level. Return the name of the module whose own time is the
# largest, without its indent.


def slowest_import(report):
    return ""
