"""Exercises for "How import Works". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""

# %% Exercise 1: explain a circular import
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
