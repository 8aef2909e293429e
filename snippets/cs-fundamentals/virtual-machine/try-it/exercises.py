"""Checks your answers to the "Inside the Virtual Machine" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import dis
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


# --- The checks: each takes the learner's namespace and raises Wrong ---------

def ratio(part, whole):
    share = part / whole
    try:
        return round(share * 100)
    except OverflowError:
        return None


def first_entry(function):
    """The names of the instructions that the first entry of the exception table covers."""
    entry = dis.Bytecode(function).exception_entries[0]
    return [i.opname for i in dis.get_instructions(function) if entry.start <= i.offset < entry.end]


# Instructions of an `except` handler, where the entry sends an exception.
HANDLER = {"PUSH_EXC_INFO", "CHECK_EXC_MATCH", "POP_EXCEPT", "RERAISE"}


def check_protected_instructions(answers):
    named = answers["protected_instructions"]()
    expect_type(named, list, "a list of instruction names")
    covered = first_entry(ratio)
    if named == covered:
        return
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if HANDLER & set(named):
        hint = "the handler is where the entry jumps to (after `->`), not what it covers"
    elif "RETURN_VALUE" in named:
        hint = ("the entry stops before its end: `L1 to L2` covers L1 up to L2, not L2 itself "
                "(3.11 and 3.12 print the offset of the last code unit inside it)")
    elif "STORE_FAST" in named or "NOP" in named:
        hint = "the entry starts with the first instruction inside `try`"
    else:
        hint = "compare with the listing of dis.dis(ratio)"
    right = sum(guess == real for guess, real in zip(named, covered))
    raise Wrong(f"not yet: on Python {version} the first entry covers {len(covered)} instructions, "
                f"and {right} of yours are right and in the right place. Hint: {hint}")


N = 20_000


def loop_sum():
    total = 0
    for i in range(N):
        total += i
    return total


def formula_sum():
    return N * (N - 1) // 2


def membership_in_list():
    items = list(range(1_000))
    return sum(1 for n in range(0, 2_000, 13) if n in items)


def membership_in_set():
    items = set(range(1_000))
    return sum(1 for n in range(0, 2_000, 13) if n in items)


def check_faster(answers):
    # Each pair differs by ten times or more, so one measurement decides.
    for slow, fast in ((loop_sum, formula_sum), (membership_in_list, membership_in_set)):
        for first, second in ((slow, fast), (fast, slow)):
            chosen = answers["faster"](first, second)
            if chosen is not fast:
                named = getattr(chosen, "__name__", repr(chosen))
                raise Wrong(f"faster({first.__name__}, {second.__name__}) returned {named}, "
                            f"but {fast.__name__} is the faster one. "
                            "Hint: time each with timeit.repeat and compare the best runs")


EXERCISES = {
    1: ("read an exception table", check_protected_instructions),
    2: ("which is faster? Measure it", check_faster),
}


if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
