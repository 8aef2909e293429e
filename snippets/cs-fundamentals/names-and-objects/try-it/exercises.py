"""Checks your answers to the "Memory Architecture" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import gc
import pathlib
import sys
import tracemalloc
import weakref

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


def check_make_grid(answers):
    grid = answers["make_grid"](3, 4)
    expect_type(grid, list, "a list of rows")
    if len(grid) != 3 or any(not isinstance(row, list) or row != [0] * 4 for row in grid):
        raise Wrong(f"make_grid(3, 4) returned {grid!r}; expected 3 rows of 4 zeros")
    grid[0][0] = 1
    if grid[1][0] == 1:
        raise Wrong("setting grid[0][0] also changed grid[1][0]: the rows are one shared list. "
                    "Hint: build each row anew, with a list comprehension")


def check_clone_settings(answers):
    settings = {"name": "demo", "tags": ["a"], "limits": {"cpu": [1, 2]}}
    clone = answers["clone_settings"](settings)
    expect_type(clone, dict, "a dict")
    if clone != settings:
        raise Wrong(f"the copy {clone!r} is not equal to the original")
    clone["tags"].append("b")
    clone["limits"]["cpu"].append(3)
    if settings["tags"] != ["a"] or settings["limits"]["cpu"] != [1, 2]:
        raise Wrong("changing a list inside the copy changed the original: the copy is shallow. "
                    "Hint: the copy module copies all the way down")


def check_growth_points(answers):
    points = answers["growth_points"](64)
    expect_type(points, list, "a list of lengths")
    items, expected, size = [], [], sys.getsizeof([])
    for length in range(1, 65):
        items.append(None)
        if sys.getsizeof(items) != size:
            size = sys.getsizeof(items)
            expected.append(length)
    if points != expected:
        raise Wrong(f"growth_points(64) returned {points}, but this Python grows at {expected}. "
                    "Hint: compare sys.getsizeof before and after each append")


def check_make_cycle(answers):
    gc.disable()
    gc.collect()
    watch = answers["make_cycle"]()
    expect_type(watch, weakref.ref, "a weakref.ref to one of the objects")
    if watch() is None:
        raise Wrong("the object was freed at once: nothing refers to it, so it was not in a cycle. "
                    "Hint: make each object keep an attribute pointing to the other")
    gc.collect()
    if watch() is not None:
        raise Wrong("the object survived gc.collect(): something outside the cycle still refers to it")


def allocate_half_a_mebibyte():
    block = bytearray(512 * 1024)
    return len(block)


def check_peak_kib(answers):
    peak = answers["peak_kib"](allocate_half_a_mebibyte)
    expect_type(peak, (int, float), "a number of KiB")
    if tracemalloc.is_tracing():
        raise Wrong("tracemalloc is still running: stop it when you are done")
    if not 500 <= peak <= 700:
        raise Wrong(f"a call that allocates 512 KiB peaked at {peak:.0f} KiB by your measure. "
                    "Hint: tracemalloc.get_traced_memory() returns (current, peak) in bytes")


def check_identity_quiz(answers):
    choice = answers["identity_quiz"]()
    expect_type(choice, str, 'one of "a", "b", "c" or "d"')
    if choice.strip().lower() != "b":
        raise Wrong(f'"{choice}" is not it. Hint: which ints does CPython create once, at start-up?')


EXERCISES = {
    1: ("a grid with independent rows", check_make_grid),
    2: ("an independent copy of nested settings", check_clone_settings),
    3: ("where a list grows", check_growth_points),
    4: ("a cycle only the collector can free", check_make_cycle),
    5: ("the peak memory of a call", check_peak_kib),
    6: ("why `is` surprises", check_identity_quiz),
}

if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
