"""The lesson "Names, Identity and Copies": what its text claims, checked against the
stored outputs of the real interpreters, or against a run of them where the
stored outputs cannot show it. (What every lesson must do is in
tests/test_lessons.py.)"""

import importlib.util
import os
import pty
import re
import select
import sys
import time
from pathlib import Path

import pytest

from course.interpreters import CLEAN_ENV, NATIVE_VERSIONS, ROOT, find_native
from tests.support.probes import run_native
from tests.support.skips import require_version

LESSON = ROOT / "snippets/cs-fundamentals/names-and-objects"
OUTPUT = LESSON / "output"
TRY_IT = LESSON / "try-it"
PAGE = ROOT / "docs/cs-fundamentals/names-and-objects/index.md"
# Outputs recorded in WebAssembly: 3.14, and 3.15 once its column is recorded.
WASM_VERSIONS = tuple(v for v in ("3.14", "3.15") if (OUTPUT / "small_ints" / f"{v}.txt").is_file())
RECORDED = (*NATIVE_VERSIONS, *WASM_VERSIONS)


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


# --- Identity ----------------------------------------------------------------


@pytest.mark.parametrize("version", RECORDED)
def test_a_dead_objects_id_is_reused(version):
    output = printed("id_reuse", version)
    first, second = re.findall(r"^(?:first|second):\s+(0x[0-9a-f]+)$", output, re.MULTILINE)
    assert first == second
    assert output.endswith("same id as the dead object? True\nid(object()) == id(object())? True\n")


# --- Small ints, interning, and what the prompt compiles ---------------------


@pytest.mark.parametrize("version", RECORDED)
def test_small_int_cache_range(version):
    expected = "-5 to 1024" if version == "3.15" else "-5 to 256"  # gh-133059 widened it in 3.15
    assert f"cached ints here: {expected}\n" in printed("small_ints", version)


def internal_header(version, name):
    run = run_native(version, "import sysconfig; print(sysconfig.get_path('include'))")
    header = Path(run.stdout.strip()) / "internal" / name
    if not header.is_file():
        pytest.skip(f"{version}: no internal headers installed")
    return header.read_text(encoding="utf-8")


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_small_ints_are_static_data_not_made_at_start_up(version):
    """Correction: the page said CPython creates the small ints "once, at
    start-up". Since 3.11 the interpreter's runtime state is initialised
    statically, small ints included, from pycore_runtime_init.h."""
    init = internal_header(version, "pycore_runtime_init.h")
    assert re.search(r"\.small_ints\s*=", init), version  # part of the runtime's static initialiser
    if version != "3.11":  # 3.12 moved the list into a generated header
        init = internal_header(version, "pycore_runtime_init_generated.h")
    assert "_PyLong_DIGIT_INIT(-5)" in init and "_PyLong_DIGIT_INIT(256)" in init, version
    text = page_text()
    assert "_PyLong_DIGIT_INIT" in text and "pycore_runtime_init.h" in text
    assert "start-up" not in text and "startup" not in text
    hints = (TRY_IT / "exercises.py").read_text(encoding="utf-8")
    assert "start-up" not in hints and "startup" not in hints


@pytest.mark.parametrize("version", RECORDED)
def test_one_prompt_line_is_one_compilation_unit(version):
    assert printed("repl_constants", version) == (
        "One line, compiled whole (basic REPL):\nTrue\n"
        "One line, statement by statement (3.13+):\nFalse\n"
        "Three lines, one after another:\nFalse\n"
        "The three lines as one script:\nTrue\n"
    )


def read_until_quiet(fd, quiet):
    seen, deadline = b"", time.monotonic() + 15
    while time.monotonic() < deadline and select.select([fd], [], [], quiet)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the REPL has exited
            break
        if not chunk:
            break
        seen += chunk
    return seen.decode(errors="replace")


def ask_the_repl(version, lines, basic):
    """Type `lines` at a real interactive prompt; return each True or False it printed."""
    require_version(version)
    env = {**CLEAN_ENV, "TERM": "xterm"}
    if basic:
        env["PYTHON_BASIC_REPL"] = "1"  # 3.13+: the classic prompt (3.11 and 3.12 have only that one)
    executable = find_native(version)
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes the REPL
        os.execve(executable, [executable, "-q"], env)
    try:
        read_until_quiet(fd, quiet=3)  # start-up, up to the first prompt
        printed = ""
        for line in lines:
            os.write(fd, line.encode() + b"\r")
            printed += read_until_quiet(fd, quiet=1)
        os.write(fd, b"exit()\r")
        read_until_quiet(fd, quiet=1)
    finally:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)
    return re.findall(r"\b(True|False)\r?\n", printed)


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_the_real_prompt_agrees(version):
    one_line = ["x = 5000; y = 5000; x is y"]
    separate = ["x = 5000", "y = 5000", "x is y"]
    assert ask_the_repl(version, one_line, basic=True) == ["True"]
    assert ask_the_repl(version, separate, basic=True) == ["False"]
    if version >= "3.13":  # the new REPL compiles each statement of a line on its own
        assert ask_the_repl(version, one_line, basic=False) == ["False"]


# --- The exercise checks reject wrong answers ---------------------------------

spec = importlib.util.spec_from_file_location("names_exercises", TRY_IT / "exercises.py")
exercises = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exercises)
checker = sys.modules["exercise_checker"]  # exercises.py imported it


def part(name, number):
    """Exercise `number`'s code in answers.py or solutions.py, its imports included."""
    text = (TRY_IT / name).read_text(encoding="utf-8")
    return re.split(r"(?m)^# %% Exercise \d+.*$", text)[number]


def test_each_exercise_starts_with_the_imports_it_uses():
    assert "import copy" in part("answers.py", 2)
    assert "\nimport " not in part("answers.py", 0)  # nothing pre-imported out of sight


WRONG = {
    "1: one row repeated": (1, "def make_grid(rows, cols):\n    return [[0] * cols] * rows\n"),
    "1: rows copied shallowly from one row": (
        1,
        "def make_grid(rows, cols):\n    row = [0] * cols\n    return [row for _ in range(rows)]\n",
    ),
    "2: a shallow copy": (2, "import copy\ndef clone_settings(settings):\n    return copy.copy(settings)\n"),
    "2: the same dict": (2, "def clone_settings(settings):\n    return settings\n"),
    "3: the wrong letter": (3, 'def identity_quiz():\n    return "a"\n'),
    "3: `is` compares values": (3, 'def identity_quiz():\n    return "c"\n'),
}


@pytest.mark.parametrize("case", WRONG)
def test_each_check_rejects_a_plausible_wrong_answer(case):
    number, source = WRONG[case]
    passed, message = checker.check_source(exercises.EXERCISES[number][1], source, "answers.py")
    assert not passed and message, case


@pytest.mark.parametrize("number", sorted(exercises.EXERCISES))
def test_each_check_accepts_its_solution(number):
    check = exercises.EXERCISES[number][1]
    assert checker.check_source(check, part("solutions.py", number), "solutions.py") == (True, "")
