"""The lesson "Functions, Scopes and Frames": what its text claims, checked
against the recorded outputs of every build and against the interpreters, and
its exercise checks, fed wrong answers. (What every lesson must do is in
tests/test_lessons.py.)"""

import importlib.util
import json
import re
import subprocess
import sys

import pytest

from course import checkpoints, interpreters, snippets
from course.interpreters import PYODIDE_PACKAGES, ROOT, VERSIONS
from course.markdown import parse
from tests.support.skips import require_version

LESSON = "cs-fundamentals/functions-and-frames"
PAGE = ROOT / "docs" / LESSON / "index.md"
CHECKPOINTS = ROOT / "docs" / LESSON / checkpoints.FILE_NAME
SNIPPETS = ROOT / "snippets" / LESSON
TRY_IT = SNIPPETS / "try-it"
PHONE_COLUMNS = 40  # a 390 px phone shows about 40 characters of code


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def snippet(name):
    return snippets.find(f"{LESSON}/{name}.py")


def printed(name, version):
    return snippet(name).outputs()[version]


def lines_of(name, version):
    return printed(name, version).splitlines()


def source_line(name, text):
    """The line number of the first line of snippet `name` that contains `text`."""
    for number, line in enumerate(snippet(name).source.splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{name}.py has no line with {text!r}")


def listed(line, label):
    """The list printed after `label` on `line`, e.g. "peek:  ['A', 'B']"."""
    assert line.startswith(label), (line, label)
    return json.loads(line[len(label) :].strip().replace("'", '"'))


# --- Fits a phone -------------------------------------------------------------


def shown_code():
    """Every code line the page shows: snippets, starting code and solutions
    (not the exercise prompts, which the page shows as text)."""
    for path in sorted(SNIPPETS.glob("*.py")):
        yield from ((path.name, line) for line in path.read_text(encoding="utf-8").splitlines())
    answers = (TRY_IT / "answers.py").read_text(encoding="utf-8").split("# %% Exercise 1", 1)[1]
    yield from (("answers.py", line) for line in answers.splitlines() if not line.startswith("#"))
    solutions = (TRY_IT / "solutions.py").read_text(encoding="utf-8")
    for section in re.findall(r"# --8<-- \[start:\w+\]\n(.*?)# --8<-- \[end:", solutions, re.DOTALL):
        yield from (("solutions.py", line) for line in section.splitlines())


def test_code_lines_fit_a_phone():
    shown = list(shown_code())
    assert {name for name, _ in shown} >= {"answers.py", "solutions.py", "frames.py"}
    long = [f"{name}: {line!r}" for name, line in shown if len(line) > PHONE_COLUMNS]
    assert not long, f"code lines over {PHONE_COLUMNS} characters:\n" + "\n".join(long)


def test_outputs_fit_a_phone():
    long = [
        f"{path.parent.name}/{path.name}: {line!r}"
        for path in sorted((SNIPPETS / "output").glob("*/*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line) > PHONE_COLUMNS
    ]
    assert not long, "output lines too long for a phone:\n" + "\n".join(long)


def test_every_snippet_is_shown_once():
    shown = [parse(line.strip()).name for line in PAGE.read_text().splitlines() if parse(line.strip())]
    files = sorted(f"{LESSON}/{path.name}" for path in SNIPPETS.glob("*.py"))
    assert sorted(shown) == files, "a snippet file the page does not show, or one shown twice"


# --- Objectives: each has a checkpoint or an exercise -------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_every_checkpoint_has_one_answer_on_every_build(version):
    placed = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        directive = parse(line.strip())
        if directive and directive.predict:
            placed[directive.predict] = directive.name
    found = checkpoints.load(CHECKPOINTS)
    assert len(found) >= 3 and set(found) == set(placed)
    answers = {}
    for key, checkpoint in found.items():
        assert len(checkpoint.choices) >= 3, f"{key}: give at least two wrong choices"
        answers[key] = checkpoint.answer(snippets.find(placed[key]).outputs()[version])
        assert answers[key] in checkpoint.choices, f"{key} has no single answer on {version}"
    assert answers == {
        "unbound-local": "UnboundLocalError",
        "mutable-default": "[1, 2]",
        "late-binding": "[3, 3, 3]",
        "frame-back": "1",
        "generator-start": "GEN_CREATED",
    }


# --- Scopes -------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_assignment_makes_the_name_local_in_the_whole_function(version):
    peek, reset, result = lines_of("unbound_local", version)
    check = "LOAD_FAST" if version == "3.11" else "LOAD_FAST_CHECK"  # the version note
    assert listed(peek, "peek:") == [check, "STORE_FAST"]
    assert listed(reset, "reset:") == ["LOAD_GLOBAL", "STORE_GLOBAL"]
    assert result == "peek(): UnboundLocalError"


# --- What def builds ----------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_def_wraps_one_shared_code_object_in_new_functions(version):
    lines = lines_of("def_builds", version)
    names = [line.split()[0] for line in lines[:-2]]
    load_code = lines.index("LOAD_CONST code show")
    assert lines[load_code - 1] == "LOAD_CONST (0,)", "the defaults are loaded first"
    assert names[load_code + 1] == "MAKE_FUNCTION"
    if version in ("3.11", "3.12"):
        assert lines[load_code + 1].split() == ["MAKE_FUNCTION", "defaults"]
    else:
        assert lines[load_code + 2].split() == ["SET_FUNCTION_ATTRIBUTE", "defaults"]
    assert names[names.index("MAKE_FUNCTION") :].count("STORE_FAST") == 1
    assert lines[-2:] == ["same function? False", "same code? True"]


@pytest.mark.parametrize("version", VERSIONS)
def test_the_default_list_is_made_once_and_kept(version):
    assert lines_of("mutable_default", version) == [
        "first:  [1]",
        "second: [1, 2]",
        "kept:   ([1, 2],)",
    ]


# --- Closures -----------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_a_closure_names_its_free_variable_and_keeps_it_in_a_cell(version):
    lines = lines_of("closures", version)
    assert lines[:4] == [
        "Hello, Ada",
        "cellvars: ('greeting',)",
        "freevars: ('greeting',)",
        "cell holds: Hello",
    ]
    loads_cell = {"3.11": "LOAD_CLOSURE", "3.12": "LOAD_CLOSURE", "3.13": "LOAD_FAST"}.get(version, "LOAD_FAST_BORROW")
    assert listed(lines[4], "outer:") == ["MAKE_CELL", loads_cell]  # the version note
    assert listed(lines[5], "inner:") == ["LOAD_DEREF"]


@pytest.mark.parametrize("version", VERSIONS)
def test_nonlocal_keeps_a_total_per_call_of_the_factory(version):
    assert lines_of("nonlocal_total", version) == ["5 15 16", "cell: 16", "new total: 7"]


@pytest.mark.parametrize("version", VERSIONS)
def test_lambdas_made_in_a_loop_share_one_cell_and_the_fixes_work(version):
    assert lines_of("late_binding", version) == [
        "late: [3, 3, 3]",
        "one cell? True",
        "default: [1, 2, 3]",
        "partial: [1, 2, 3]",
    ]


# --- Frames -------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_a_traceback_lists_one_frame_per_call_oldest_first(version):
    call = source_line("frames", "    countdown(2)")
    recurse = source_line("frames", "countdown(n - 1)")
    raised = source_line("frames", "raise ValueError")
    assert lines_of("frames", version) == [
        "first entry is here? True",
        f"<module> n = None line {call}",
        f"countdown n = 2 line {recurse}",
        f"countdown n = 1 line {recurse}",
        f"countdown n = 0 line {raised}",
        "its f_back: n = 1",
    ]


# --- Generators ---------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_a_generator_frame_waits_at_its_yield_between_next_calls(version):
    lines = lines_of("generator_states", version)
    yield_line = source_line("generator_states", "yield n")
    assert lines == [
        "first: RETURN_GENERATOR",
        "after the call: GEN_CREATED",  # and no "body starts" before it
        "  body starts",
        "next(): 2 GEN_SUSPENDED",
        f"   paused at ({yield_line}, {{'n': 2}})",
        "next(): 1 GEN_SUSPENDED",
        f"   paused at ({yield_line}, {{'n': 1}})",
        "rest: [] GEN_CLOSED",
        "gi_frame: None",
    ]


# --- Claims made in prose and version notes, asked of each interpreter --------

PROBE = """
import dis, functools, inspect, json, operator, sys

def ops(func):
    return [op.opname for op in dis.get_instructions(func)]

def later():
    value = 1
    return value

def doubled(data):
    return [x * 2 for x in data]

def names_in_traceback(func, *args):
    try:
        func(*args)
    except Exception as error:
        entry, names = error.__traceback__, []
        while entry is not None:
            names.append(entry.tb_frame.f_code.co_name)
            entry = entry.tb_next
        return names

def make_greeter(greeting):
    def greet(name):
        return greeting + ", " + name
    return greet

def make_total():
    total = 0
    def add(amount):
        nonlocal total
        total += amount
        return total
    return add

def pair():
    yield 1

def watch():
    yield inspect.getgeneratorstate(watched)

watched = watch()

def deep(n):
    return deep(n + 1)

try:
    deep(0)
    recursion = "no error"
except RecursionError:
    recursion = "RecursionError"

def frame_locals():
    value = 1
    frame = sys._getframe()
    view = frame.f_locals
    view["value"] = 2
    return type(view).__name__, value

greet_ops = ops(make_greeter("Hi"))
hi, yo = make_greeter("Hi"), make_greeter("Yo")
print(json.dumps({
    "unbound_is_name_error": issubclass(UnboundLocalError, NameError),
    "load_fast_check_exists": "LOAD_FAST_CHECK" in dis.opmap,
    "load_after_store": [o for o in ops(later) if o.startswith("LOAD_FAST")],
    "comprehension_ops": ops(doubled),
    "comprehension_frames": names_in_traceback(doubled, [None]),
    "greet_starts_with": greet_ops[0],
    "outer_ops": ops(make_greeter),
    "add_ops": ops(make_total()),
    "pair_ops": ops(pair),
    "state_while_running": next(watched),
    "recursion_limit": sys.getrecursionlimit(),
    "recursion": recursion,
    "f_locals": frame_locals(),
    "partial_args": functools.partial(operator.add, 2).args,
    "new_cell_per_call": hi.__closure__[0] is not yo.__closure__[0],
    "one_code": hi.__code__ is yo.__code__,
}))
"""


@pytest.fixture(scope="module")
def probed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("probe")
    path = folder / "probe.py"
    path.write_text(PROBE, encoding="utf-8")
    found = {}

    def ask(version):
        require_version(version)
        if version not in found:
            if version in PYODIDE_PACKAGES:
                run = interpreters.run_pyodide([path], version)[path]
                assert run.ok, run.output
                found[version] = json.loads(run.output)
            else:
                done = subprocess.run(
                    [interpreters.find_native(version), str(path)],
                    cwd=folder,
                    env=interpreters.CLEAN_ENV,
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
                assert done.returncode == 0, done.stderr
                found[version] = json.loads(done.stdout)
        return found[version]

    return ask


@pytest.mark.parametrize("version", VERSIONS)
def test_scope_claims(version, probed):
    facts = probed(version)
    assert facts["unbound_is_name_error"], "UnboundLocalError is a kind of NameError"
    # 3.11 has no LOAD_FAST_CHECK; from 3.12 a load after a store needs no check.
    assert facts["load_fast_check_exists"] == (version != "3.11")
    assert facts["load_after_store"] == (["LOAD_FAST_BORROW"] if version >= "3.14" else ["LOAD_FAST"])


@pytest.mark.parametrize("version", VERSIONS)
def test_comprehensions_run_inline_from_3_12(version, probed):
    facts = probed(version)
    if version == "3.11":
        assert "<listcomp>" in facts["comprehension_frames"]
        assert "LOAD_FAST_AND_CLEAR" not in facts["comprehension_ops"]
    else:
        assert "<listcomp>" not in facts["comprehension_frames"]
        assert "LOAD_FAST_AND_CLEAR" in facts["comprehension_ops"]


@pytest.mark.parametrize("version", VERSIONS)
def test_closure_claims(version, probed):
    facts = probed(version)
    assert facts["greet_starts_with"] == "COPY_FREE_VARS"
    outer = facts["outer_ops"]
    assert outer[0] == "MAKE_CELL" and outer.index("MAKE_CELL") < outer.index("RESUME")
    if version >= "3.13":
        made = outer.index("MAKE_FUNCTION")
        assert outer[made + 1] == "SET_FUNCTION_ATTRIBUTE"
    assert "STORE_DEREF" in facts["add_ops"], "nonlocal writes into the cell"
    assert facts["new_cell_per_call"] and facts["one_code"], "a new cell each call, one code object"
    assert facts["partial_args"] == [2], "partial keeps the value in the partial object"


@pytest.mark.parametrize("version", VERSIONS)
def test_frame_and_generator_claims(version, probed):
    facts = probed(version)
    assert facts["recursion_limit"] == 1000 and facts["recursion"] == "RecursionError"
    kind, value = facts["f_locals"]
    if version >= "3.13":
        assert (kind, value) == ("FrameLocalsProxy", 2), "a live view of the variables (PEP 667)"
    else:
        assert (kind, value) == ("dict", 1), "a copy"
    assert facts["pair_ops"][0] == "RETURN_GENERATOR" and "YIELD_VALUE" in facts["pair_ops"]
    assert facts["state_while_running"] == "GEN_RUNNING"


def test_the_text_states_what_the_outputs_show():
    text = page_text()
    for claim in (
        "`GEN_CREATED` before the first `next()`, `GEN_RUNNING` while the body runs, "
        "`GEN_SUSPENDED` when paused at a `yield`, and `GEN_CLOSED` at the end",
        "`LOAD_FAST_CHECK`",
        "1,000 by default",
        '??? note "Version notes"',
    ):
        assert claim in text, claim


def test_further_reading_cites_the_primary_sources():
    reading = page_text().split("Further reading", 1)[1]
    for source in (
        "reference/executionmodel.html",
        "library/dis.html",
        "library/inspect.html",
        "pep-0227",
        "pep-3104",
        "pep-0255",
    ):
        assert source in reading, source


# --- The exercise checks reject wrong answers ---------------------------------

spec = importlib.util.spec_from_file_location("functions_exercises", TRY_IT / "exercises.py")
exercises = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exercises)
checker = sys.modules["exercise_checker"]  # exercises.py imported it
PREAMBLE = "import functools\nimport inspect\n"


def starter(number):
    """Exercise `number`'s code as answers.py gives it to the learner."""
    text = (TRY_IT / "answers.py").read_text(encoding="utf-8")
    return re.split(r"(?m)^# %% Exercise \d+.*$", text)[number]


def solution(number):
    text = (TRY_IT / "solutions.py").read_text(encoding="utf-8")
    return re.split(r"(?m)^# %% Exercise \d+.*$", text)[number]


WRONG = {
    "1: the untouched mutable default": (1, starter(1)),
    "1: a new dict even when one is given": (
        1,
        "def count_words(text, counts=None):\n"
        "    counts = {}\n"
        "    for word in text.split():\n"
        "        counts[word] = counts.get(word, 0) + 1\n"
        "    return counts\n",
    ),
    "1: `counts or {}` drops an empty dict": (
        1,
        "def count_words(text, counts=None):\n"
        "    counts = counts or {}\n"
        "    for word in text.split():\n"
        "        counts[word] = counts.get(word, 0) + 1\n"
        "    return counts\n",
    ),
    "2: the untouched starter": (2, starter(2)),
    "2: a global count": (
        2,
        "count = 0\n"
        "def make_counter():\n"
        "    def increment():\n"
        "        global count\n"
        "        count += 1\n"
        "        return count\n"
        "    def reset():\n"
        "        global count\n"
        "        count = 0\n"
        "    return increment, reset\n",
    ),
    "2: no nonlocal": (
        2,
        "def make_counter():\n"
        "    count = 0\n"
        "    def increment():\n"
        "        count += 1\n"
        "        return count\n"
        "    def reset():\n"
        "        count = 0\n"
        "    return increment, reset\n",
    ),
    "2: reset without nonlocal": (
        2,
        "def make_counter():\n"
        "    count = 0\n"
        "    def increment():\n"
        "        nonlocal count\n"
        "        count += 1\n"
        "        return count\n"
        "    def reset():\n"
        "        count = 0\n"
        "    return increment, reset\n",
    ),
    "2: the count in a list": (
        2,
        "def make_counter():\n"
        "    count = [0]\n"
        "    def increment():\n"
        "        count[0] += 1\n"
        "        return count[0]\n"
        "    def reset():\n"
        "        count[0] = 0\n"
        "    return increment, reset\n",
    ),
    "3: the untouched late binding": (3, starter(3)),
    "3: late binding in a dict comprehension": (
        3,
        "def make_handlers(names):\n    return {name: (lambda: 'clicked ' + name) for name in names}\n",
    ),
    "4: the untouched starter": (4, starter(4)),
    "4: evens builds a list": (
        4,
        "def evens(limit):\n    return list(range(0, limit, 2))\ndef states(gen):\n    return []\n",
    ),
    "4: evens includes the limit": (
        4,
        "def evens(limit):\n    n = 0\n    while n <= limit:\n        yield n\n        n += 2\n"
        "def states" + solution(4).split("def states", 1)[1],
    ),
    "4: states misses GEN_CREATED": (
        4,
        solution(4).split("def states", 1)[0] + "def states(gen):\n"
        "    seen = []\n"
        "    for _ in gen:\n"
        "        seen.append(inspect.getgeneratorstate(gen))\n"
        "    seen.append(inspect.getgeneratorstate(gen))\n"
        "    return seen\n",
    ),
    "4: states only at the start and end": (
        4,
        solution(4).split("def states", 1)[0] + "def states(gen):\n"
        "    first = inspect.getgeneratorstate(gen)\n"
        "    list(gen)\n"
        "    return [first, inspect.getgeneratorstate(gen)]\n",
    ),
}


@pytest.mark.parametrize("case", WRONG)
def test_each_check_rejects_a_plausible_wrong_answer(case):
    number, source = WRONG[case]
    check = exercises.EXERCISES[number][1]
    passed, message = checker.check_source(check, source, "answers.py", PREAMBLE)
    assert not passed and message, case


@pytest.mark.parametrize("number", sorted(exercises.EXERCISES))
def test_each_check_accepts_its_solution(number):
    check = exercises.EXERCISES[number][1]
    assert checker.check_source(check, solution(number), "solutions.py", PREAMBLE) == (True, "")


def test_late_binding_accepts_functools_partial():
    source = (
        "def make_handlers(names):\n"
        "    def handler(name):\n"
        "        return 'clicked ' + name\n"
        "    return {name: functools.partial(handler, name) for name in names}\n"
    )
    assert checker.check_source(exercises.EXERCISES[3][1], source, "answers.py", PREAMBLE) == (True, "")
