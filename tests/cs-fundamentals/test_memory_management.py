"""The lesson "How CPython Frees Memory": what its text claims, checked against
the stored outputs of the real interpreters, or against a run of them where the
stored outputs cannot show it. (What every lesson must do is in
tests/test_lessons.py.)"""

import gc
import importlib.util
import re
import sys
import weakref
from pathlib import Path

import pytest

from course import interpreters
from course.interpreters import NATIVE_VERSIONS, ROOT
from tests.support.probes import run_native
from tests.support.skips import require_version

LESSON = ROOT / "snippets/cs-fundamentals/memory-management"
OUTPUT = LESSON / "output"
TRY_IT = LESSON / "try-it"
PAGE = ROOT / "docs/cs-fundamentals/memory-management/index.md"
# Outputs recorded in WebAssembly: 3.14, and 3.15 once its column is recorded.
WASM_VERSIONS = tuple(v for v in ("3.14", "3.15") if (OUTPUT / "refcount" / f"{v}.txt").is_file())
RECORDED = (*NATIVE_VERSIONS, *WASM_VERSIONS)
NEW_CODE_COLUMNS = 40  # snippets written for the chapter fit a phone held upright
NEW_SNIPPETS = ("finalizers", "finalize", "gc_freeze", "fork_freeze")


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("name", NEW_SNIPPETS)
def test_new_snippets_fit_40_columns(name):
    lines = (LESSON / f"{name}.py").read_text(encoding="utf-8").splitlines()
    assert max(map(len, lines)) <= NEW_CODE_COLUMNS


# --- Stack and heap ----------------------------------------------------------


@pytest.mark.parametrize("version", RECORDED)
def test_python_calls_go_far_deeper_than_the_default_limit(version):
    assert printed("recursion_limit", version) == (
        "limit 1,000, depth 5,000: RecursionError\nlimit 60,000, depth 50,000: 50,000\n"
    )


DEEP_C_RECURSION = """
import sys
sys.setrecursionlimit(1_000_000)
nested = []
for _ in range(200_000):
    nested = [nested]
try:
    repr(nested)
except RecursionError:
    print("RecursionError")
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_a_raised_limit_no_longer_protects_the_c_stack_before_3_12(version):
    run = run_native(version, DEEP_C_RECURSION)
    if version == "3.11":
        assert run.returncode < 0, "3.11: deep C recursion under a huge limit crashes the process"
    else:
        assert run.returncode == 0 and run.stdout == "RecursionError\n", "3.12+ guard the C stack themselves"


def test_small_ints_and_none_are_static_data_in_the_interpreter():
    for version in NATIVE_VERSIONS:
        run = run_native(version, "import sysconfig; print(sysconfig.get_path('include'))")
        header = Path(run.stdout.strip()) / "internal/pycore_global_objects.h"
        if not header.is_file():
            pytest.skip(f"{version}: no internal headers installed")
        assert re.search(r"PyLongObject small_ints\[", header.read_text(encoding="utf-8")), version
        none = (header.parent.parent / "object.h").read_text(encoding="utf-8")
        assert "PyAPI_DATA(PyObject) _Py_NoneStruct;" in none, version  # one static None


# --- Reference counting ------------------------------------------------------


def test_immortal_none_from_3_12():
    assert printed("refcount", "3.11").endswith("None is immortal (3.12+)? False\n")
    for version in RECORDED[1:]:
        assert printed("refcount", version).endswith("None is immortal (3.12+)? True\n")


@pytest.mark.parametrize("version", RECORDED)
def test_refcount_of_a_local_is_1_from_3_14(version):
    expected = 1 if version >= "3.14" else 2  # 3.14 loads locals as borrowed references
    assert f"a local, in a function: {expected}\n" in printed("refcount", version)
    assert printed("refcount", version).startswith("one name:       2\n")


BORROWED_LOAD = """
import dis, sys

def local_count():
    local = object()
    return sys.getrefcount(local)

print(sorted({i.opname for i in dis.get_instructions(local_count) if "FAST" in i.opname}))
"""


def test_3_14_reads_the_local_as_a_borrowed_reference(tmp_path):
    require_version("3.14")
    script = tmp_path / "borrowed.py"
    script.write_text(BORROWED_LOAD, encoding="utf-8")
    run = interpreters.run_pyodide([script], "3.14")[script]  # checks it is a 3.14
    assert run.output == "['LOAD_FAST_BORROW', 'STORE_FAST']\n"
    for version in NATIVE_VERSIONS:  # older versions load it as a new reference
        assert "BORROW" not in run_native(version, BORROWED_LOAD).stdout


# --- The garbage collector ---------------------------------------------------

WEAKLY_REFERABLE = """
import weakref
class Plain: pass
class Slotted: __slots__ = ("x",)
class SlottedWeak: __slots__ = ("x", "__weakref__")
for value in (1, "a", (1,), [1], {}, Slotted(), SlottedWeak(), Plain()):
    try:
        weakref.ref(value)
        print(type(value).__name__, end=" ")
    except TypeError:
        pass
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_which_objects_take_a_weak_reference(version):
    assert run_native(version, WEAKLY_REFERABLE).stdout == "SlottedWeak Plain "


GC_THRESHOLDS = {
    "3.11": "(700, 10, 10)",
    "3.12": "(700, 10, 10)",
    "3.13": "(2000, 10, 10)",
    "3.14": "(2000, 10, 0)",  # 3.14.2: the incremental collector of 3.14.0-3.14.4
    "3.15": "(2000, 10, 10)",  # the generational collector again (gh-148726)
}


@pytest.mark.parametrize("version", RECORDED)
def test_gc_thresholds_as_the_text_says(version):
    output = printed("gc_cycle", version)
    assert output.splitlines()[-1] == f"generation thresholds: {GC_THRESHOLDS[version]}"
    assert "alive after gc.collect()? False\n" in output
    assert GC_THRESHOLDS[version] in page_text()


def test_page_cites_the_gc_revert():
    """The revert on main is PR 148746 (commit 1575a81); PR 148720 is the 3.14 backport."""
    text = page_text()
    assert "3.14.5" in text and "148726" in text
    assert "[PR 148746](https://github.com/python/cpython/pull/148746) (for 3.15)" in text
    assert "[3.14 backport, PR 148720](https://github.com/python/cpython/pull/148720) (for 3.14.5)" in text


def test_the_thresholds_history_is_a_version_note():
    page = PAGE.read_text(encoding="utf-8")
    note = page[page.index('??? note "Version notes"') :]
    assert note.index("(700, 10, 10)") < note.index("<!-- exercise 1 -->")


# --- Finalisers --------------------------------------------------------------


@pytest.mark.parametrize("version", RECORDED)
def test_del_runs_at_once_but_for_a_cycle_only_when_collected(version):
    assert printed("finalizers", version) == (
        "after del a: ['a']\nafter del b, c: ['a']\nafter collect: ['a', 'b', 'c']\n"
    )


@pytest.mark.parametrize("version", RECORDED)
def test_weakref_finalize_runs_once_and_at_exit(version):
    assert printed("finalize", version) == (
        "alive: True\nruns at exit: True\nlog: ['removed a.tmp']\nalive: False\ncall again: None\n"
    )


AT_EXIT = """
import weakref
class Resource:
    def __del__(self):
        print("__del__")
keep = Resource()
keep.cycle = keep
weakref.finalize(keep, print, "finalize")
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_finalize_runs_at_exit_for_an_object_still_alive(version):
    # The object is alive when the interpreter starts to exit: finalize runs
    # from atexit, whatever becomes of __del__.
    run = run_native(version, AT_EXIT)
    assert run.returncode == 0 and "finalize" in run.stdout.split(), run.stdout + run.stderr


def test_page_says_when_del_is_not_promised():
    text = page_text()
    for claim in ("PEP 442", "not promise", "weakref.finalize", "at most once"):
        assert claim in text, claim


# --- gc.freeze and fork ------------------------------------------------------


def milliseconds(output):
    return [float(ms) for ms in re.findall(r"^collect: (\d+\.\d) ms$", output, re.MULTILINE)]


@pytest.mark.parametrize("version", RECORDED)
def test_a_frozen_heap_is_not_scanned(version):
    output = printed("gc_freeze", version)
    before, after = milliseconds(output)
    assert after * 10 < before, output
    assert output.endswith("frozen: True\ncollect: " + f"{after:.1f}" + " ms\nfrozen: 0\n")


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_freezing_before_fork_spares_the_childs_copies(version):
    assert printed("fork_freeze", version) == (
        "frozen: False | copied 10+ MiB: True\nfrozen: True | copied 10+ MiB: False\n"
    )


def test_fork_snippet_runs_natively_only():
    first = (LESSON / "fork_freeze.py").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Native CPython only:")
    assert not (OUTPUT / "fork_freeze" / "3.14.txt").exists()


def test_gc_docs_recipe_is_the_one_the_page_gives():
    text = page_text()
    assert text.index("`gc.disable()` early") < text.index("`gc.freeze()` right before `os.fork()`")
    assert "`gc.enable()` early in each child" in text


# --- The exercise checks reject wrong answers ---------------------------------

spec = importlib.util.spec_from_file_location("freeing_exercises", TRY_IT / "exercises.py")
exercises = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exercises)
checker = sys.modules["exercise_checker"]  # exercises.py imported it


def part(name, number):
    text = (TRY_IT / name).read_text(encoding="utf-8")
    return re.split(r"(?m)^# %% Exercise \d+.*$", text)[number]


def test_each_exercise_starts_with_the_imports_it_uses():
    assert "import weakref" in part("answers.py", 1) and "import weakref" in part("answers.py", 2)
    assert "import gc" in part("answers.py", 3)
    assert "\nimport " not in part("answers.py", 0)


TEMP = "import weakref\nclass TempFile:\n    def __init__(self, name):\n        self.name = name\n"
WRONG = {
    "1: no cycle": (1, "import weakref\nclass Node: pass\ndef make_cycle():\n    return weakref.ref(Node())\n"),
    "1: a global keeps it": (
        1,
        "import weakref\nclass Node: pass\nkept = []\ndef make_cycle():\n    a, b = Node(), Node()\n"
        "    a.b, b.a = b, a\n    kept.append(a)\n    return weakref.ref(a)\n",
    ),
    "2: the callback holds the object": (
        2,
        TEMP + "def open_temp(name, log):\n    temp = TempFile(name)\n"
        "    weakref.finalize(temp, lambda: log.append(temp.name))\n    return temp\n",
    ),
    "2: a bound method as the callback": (
        2,
        TEMP.replace(
            "self.name = name\n",
            "self.name = name\n        self.log = None\n    def close(self):\n        self.log.append(self.name)\n",
        )
        + "def open_temp(name, log):\n    temp = TempFile(name)\n    temp.log = log\n"
        "    weakref.finalize(temp, temp.close)\n    return temp\n",
    ),
    "2: the callback called at once": (
        2,
        TEMP + "def open_temp(name, log):\n    temp = TempFile(name)\n"
        "    weakref.finalize(temp, log.append(name))\n    return temp\n",
    ),
    "2: __del__ instead": (
        2,
        "import weakref\nclass TempFile:\n    def __init__(self, name):\n        self.name = name\n"
        "    def __del__(self):\n        self.log.append(self.name)\n"
        "def open_temp(name, log):\n    temp = TempFile(name)\n    temp.log = log\n    return temp\n",
    ),
    "3: collect instead of freeze": (
        3,
        "import gc\ndef fork_ready():\n    gc.disable()\n    gc.collect()\n    return len(gc.get_objects())\n"
        "def in_child():\n    gc.enable()\n",
    ),
    "3: the count before freezing": (
        3,
        "import gc\ndef fork_ready():\n    gc.disable()\n    n = gc.get_freeze_count()\n    gc.freeze()\n    return n\n"
        "def in_child():\n    gc.enable()\n",
    ),
    "3: the collector left on": (
        3,
        "import gc\ndef fork_ready():\n    gc.freeze()\n    return gc.get_freeze_count()\n"
        "def in_child():\n    gc.enable()\n",
    ),
    "3: the child left without a collector": (
        3,
        "import gc\ndef fork_ready():\n    gc.disable()\n    gc.freeze()\n    return gc.get_freeze_count()\n"
        "def in_child():\n    pass\n",
    ),
}


@pytest.fixture
def collector_state_restored():
    yield
    gc.unfreeze()
    gc.enable()
    gc.collect()


# A finalizer given None as its callback (log.append(name) called at once)
# reports a TypeError when its object dies: expected here.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("case", WRONG)
def test_each_check_rejects_a_plausible_wrong_answer(case, collector_state_restored):
    number, source = WRONG[case]
    passed, message = checker.check_source(exercises.EXERCISES[number][1], source, "answers.py")
    assert not passed and message, case


@pytest.mark.parametrize("number", sorted(exercises.EXERCISES))
def test_each_check_accepts_its_solution(number, collector_state_restored):
    check = exercises.EXERCISES[number][1]
    assert checker.check_source(check, part("solutions.py", number), "solutions.py") == (True, "")
    assert gc.isenabled() and gc.get_freeze_count() == 0  # the check puts the collector back


def test_the_finalize_check_leaves_no_finalizer_behind(collector_state_restored):
    before = len(weakref.finalize._registry)
    checker.check_source(exercises.EXERCISES[2][1], part("solutions.py", 2), "solutions.py")
    assert len(weakref.finalize._registry) == before
