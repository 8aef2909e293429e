"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: explain a circular import
# --8<-- [start:circular_import]
def circular_import():
    # Step 5 of import: the module is in sys.modules before its code runs.
    return "b"
# --8<-- [end:circular_import]


# %% Exercise 2: which file does import find?
import os  # noqa: E402


# --8<-- [start:found_by_import]
def found_by_import(name, path):
    for folder in path:  # the first folder that has it wins
        package = os.path.join(folder, name, "__init__.py")
        module = os.path.join(folder, name + ".py")
        for candidate in (package, module):  # a package first
            if os.path.isfile(candidate):
                return candidate
    return None
# --8<-- [end:found_by_import]


# %% Exercise 3: the slowest import
# --8<-- [start:slowest_import]
def slowest_import(report):
    rows = []
    for line in report.splitlines()[1:]:  # the first is the header
        own, total, name = line.removeprefix("import time:").split("|")
        rows.append((int(own), name.strip()))
    return max(rows)[1]
# --8<-- [end:slowest_import]
