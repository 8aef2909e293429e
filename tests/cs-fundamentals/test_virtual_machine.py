"""The lesson "Inside the Virtual Machine": what its text claims, checked
against the interpreters and the stored outputs, and its exercise check, fed
wrong answers. (What every lesson must do is in tests/test_lessons.py.)"""

import dis
import json
import re

import pytest

from course.interpreters import NATIVE_VERSIONS, ROOT, VERSIONS
from tests.support.probes import exercise_checks, exercise_verdict, run_on

PAGE = ROOT / "docs/cs-fundamentals/virtual-machine/index.md"
LESSON = ROOT / "snippets/cs-fundamentals/virtual-machine"
OUTPUT = LESSON / "output"
LIST_PSEUDO = "import dis, json\nprint(json.dumps({n: v for n, v in dis.opmap.items() if v >= 256}))\n"


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


# --- The stack machine ---------------------------------------------------------


def test_superinstructions_skip_a_stack_state():
    old, new = printed("stack_trace", "3.11"), printed("stack_trace", "3.13")
    assert "stack: [20]\n" in old and "stack: [20]\n" not in new
    assert old.count("stack:") == new.count("stack:") + 1
    assert "The stack goes through the same states in every version" not in page_text()


@pytest.mark.parametrize("version", ["3.11", "3.12"])
def test_3_11_and_3_12_fuse_the_loads_at_run_time(version):
    """The text: they fuse the pair too, in the interpreter; 3.13 moved it into the compiler."""
    assert "LOAD_FAST__LOAD_FAST" in printed("adaptive", version)
    assert "LOAD_FAST__LOAD_FAST" not in printed("stack_trace", version), "the compiler does not write it"
    assert "fuse the same pair too, but in the interpreter, not the compiler" in page_text()
    assert "never exists" not in page_text()


# --- Exceptions and their positions ------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_setup_finally_is_a_pseudo_instruction_from_3_12(version, tmp_path):
    """The text: the name survives in dis.opmap from 3.12, numbered above 255."""
    pseudo = json.loads(run_on(version, LIST_PSEUDO, tmp_path))
    if version == "3.11":
        assert pseudo == {}
    else:
        assert "SETUP_FINALLY" in pseudo and "POP_BLOCK" in pseudo


@pytest.mark.parametrize("version", VERSIONS)
def test_try_costs_no_instruction_and_has_an_exception_table(version):
    text = printed("exception_table", version)
    assert "ExceptionTable:" in text and "SETUP_FINALLY" not in text and "POP_BLOCK" not in text
    body = re.findall(r"\b([A-Z][A-Z_]{2,})\b", text[: text.index("PUSH_EXC_INFO")])
    assert body[-2:] == ["BINARY_OP", "RETURN_VALUE"], body
    assert all(n in ("RESUME", "NOP", "BINARY_OP", "RETURN_VALUE") or n.startswith("LOAD_FAST") for n in body), (
        "the try body is only the loads, the division and the return"
    )
    assert re.search(r"^  (L\d+|\d+) to (L\d+|\d+) -> (L\d+|\d+) \[0\]$", text, re.MULTILINE)
    assert re.search(r"^ +7 +(\d+ +)?NOP$", text, re.MULTILINE), "the try: line (line 7) leaves a NOP"


COUNT_INSTRUCTIONS_RUN = """import sys
def guarded(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
def bare(a, b):
    return a / b
def count(function):
    seen = 0
    def trace(frame, event, arg):
        nonlocal seen
        frame.f_trace_opcodes = True
        seen += event == "opcode"
        return trace
    sys.settrace(trace)
    function(6, 3)
    sys.settrace(None)
    return seen
count(bare)  # 3.12.1 reports no instructions for the first call it traces
print(count(guarded) - count(bare))
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_the_try_line_runs_one_nop_and_nothing_else(version, tmp_path):
    """The text: no instruction sets up a handler; the try: line leaves a NOP,
    which runs (3.11.7 runs 5 instructions with the try, 4 without)."""
    assert run_on(version, COUNT_INSTRUCTIONS_RUN, tmp_path) == "1\n"
    text = page_text()
    assert "All the `try:` line leaves is a `NOP`" in text and "costs one `NOP`" in text
    assert "runs no extra instruction at all" not in text
    glossary = " ".join((ROOT / "docs/cs-fundamentals/glossary.md").read_text(encoding="utf-8").split())
    assert "costs no instruction" not in glossary and "leaves only a `NOP`" in glossary


@pytest.mark.parametrize("version", VERSIONS)
def test_traceback_carets_point_at_the_failing_subscript(version):
    lines = printed("traceback_positions", version).splitlines()
    source = next(line for line in lines if "total =" in line)
    marks = lines[lines.index(source) + 1]
    start = len(marks) - len(marks.lstrip())
    assert source[start : len(marks)] == 'counts["tea"]', marks
    assert marks.strip().startswith("~") and marks.strip().endswith("^")


def test_no_debug_ranges_drops_the_carets(tmp_path):
    script = (LESSON / "traceback_positions.py").read_text(encoding="utf-8")
    out = run_on("3.12", script, tmp_path, "-X", "no_debug_ranges")
    assert "KeyError" in out and "^" not in out and "~" not in out


# --- The exercise: reading an exception table ----------------------------------------


def answering(names):
    return {"protected_instructions": lambda: list(names)}


def test_the_exception_table_check_rejects_plausible_misreadings():
    """Checked on the Python that runs the tests, as a learner's Check is on theirs."""
    checks = exercise_checks(LESSON / "try-it")
    covered = checks.first_entry(checks.ratio)
    check = checks.check_protected_instructions
    check(answering(covered))  # the right answer passes
    every = [i.opname for i in dis.get_instructions(checks.ratio)]
    other_loads = {"LOAD_FAST": "LOAD_FAST_BORROW", "LOAD_CONST": "LOAD_SMALL_INT"}
    other_loads |= {new: old for old, new in other_loads.items()}
    misreadings = {
        "the end label read as covered": [*covered, "RETURN_VALUE"],
        "the line before `try` included": ["STORE_FAST", *covered],
        "the `try:` line's NOP included": ["NOP", *covered],
        "the handler instead": ["PUSH_EXC_INFO", "LOAD_GLOBAL", "CHECK_EXC_MATCH"],
        "the whole body": [name for name in every if name != "RESUME"],
        "another version's loads": [other_loads.get(name, name) for name in covered],
        "in the wrong order": covered[::-1],
        "nothing yet": [],
    }
    for case, names in misreadings.items():
        with pytest.raises(checks.Wrong, match="Hint: "):
            check(answering(names))
        assert names != covered, case


FIRST_ENTRY = """
entry = dis.Bytecode(ratio).exception_entries[0]
covered = [i.opname for i in dis.get_instructions(ratio) if entry.start <= i.offset < entry.end]
print("solution right:", protected_instructions() == covered, covered)
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_the_reference_solution_reads_the_table_of_every_build(version, tmp_path):
    """The Check in the page runs on 3.14, the tests' checker natively: the
    solution's list is each build's own."""
    solution = (LESSON / "try-it/solutions.py").read_text(encoding="utf-8")
    out = run_on(version, solution + FIRST_ENTRY, tmp_path)
    assert "solution right: True" in out, out


# --- The examples notebook and what 3.15 adds ------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_sampling_profiler_imports_on_3_15_and_cannot_attach_in_wasm(version):
    text = printed("sampling_profiler", version)
    if version != "3.15":
        assert text == f"profiling.sampling needs Python 3.15; this is {version}.\n"
        return
    assert "imported: profiling.sampling" in text
    assert "attach: Reading the PyRuntime section is not supported on this platform" in text


def test_further_reading_cites_the_new_peps():
    reading = PAGE.read_text(encoding="utf-8").split("{ #further-reading }")[1]
    for source in ("pep-0799", "pep-0657", "pep-0669", "whatsnew/3.15"):
        assert source in reading, source


@pytest.mark.parametrize("version", VERSIONS)
def test_the_sum_timings_are_speeds_within_one_run(version):
    """Honest timings: no time is printed to compare across builds, only each
    way's speed against the same run's loop, and the text says why."""
    speeds = dict(re.findall(r"^(\w+): ([\d,.]+)x the loop's speed$", printed("perf_sum", version), re.MULTILINE))
    speeds = {name: float(speed.replace(",", "")) for name, speed in speeds.items()}
    assert list(speeds) == ["loop_sum", "builtin_sum", "formula_sum"] and speeds["loop_sum"] == 1.0
    assert 1 < speeds["builtin_sum"] < 100 < speeds["formula_sum"], speeds
    assert "µs" not in printed("perf_sum", version)
    assert "so a time on one build says nothing about another" in page_text()


FASTER_WRONG = {
    "always the first": "def faster(first, second):\n    return first\n",
    "always the second": "def faster(first, second):\n    return second\n",
    "the slower one": (
        "def faster(first, second):\n"
        "    t = [min(timeit.repeat(f, number=20, repeat=5)) for f in (first, second)]\n"
        "    return first if t[0] > t[1] else second\n"
    ),
    "a name, not the function": (
        "def faster(first, second):\n"
        "    t = [min(timeit.repeat(f, number=20, repeat=5)) for f in (first, second)]\n"
        "    return (first if t[0] <= t[1] else second).__name__\n"
    ),
}


@pytest.mark.parametrize("case", FASTER_WRONG)
def test_the_timing_check_fails_wrong_answers(case, tmp_path):
    said = exercise_verdict(LESSON / "try-it", 2, FASTER_WRONG[case], tmp_path, imports="import timeit\n")
    assert said.startswith("FAIL") and "Hint: " in said, said
