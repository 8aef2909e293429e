"""The lesson ".pyc Files": what its text claims, checked against the
stored outputs. (What every lesson must do is in tests/test_lessons.py.)"""

import importlib.util
import marshal
import os
import re
from pathlib import Path

import pytest

from course.interpreters import NATIVE_VERSIONS, ROOT, VERSIONS
from tests.support.probes import exercise_checks, exercise_verdict, run_on

PAGE = ROOT / "docs/cs-fundamentals/pyc-files/index.md"
LESSON = ROOT / "snippets/cs-fundamentals/pyc-files"
OUTPUT = LESSON / "output"


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("version", VERSIONS)
def test_cached_name_carries_the_cache_tag(version):
    tag = version.replace(".", "")
    assert f"__pycache__/spam.cpython-{tag}.pyc" in printed("cache_tag", version)


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_pyc_is_written_for_imports_and_for_dash_m(version):
    text = printed("pyc_written", version)
    tag = version.replace(".", "")
    after = dict(re.findall(r"^after `python (.+?)`:\n\s+(.+)$", text, re.MULTILINE))
    assert after["main.py"] == f"['helper.cpython-{tag}.pyc']"
    assert after["-B main.py"] == "[]"
    assert after["-m main"] == f"['helper.cpython-{tag}.pyc', 'main.cpython-{tag}.pyc']"


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_same_second_same_size_edit_runs_stale_code(version):
    text = printed("stale_pyc", version)
    assert "source edited, same mtime and size: VAT = 20" in text
    assert "mtime one second later: VAT = 25" in text


HEADER_TIME = """import importlib.util, os, pathlib, py_compile
source = pathlib.Path("price.py")
source.write_text("VAT = 20\\n")
os.utime(source, (1_700_000_000.6, 1_700_000_000.6))
header = pathlib.Path(py_compile.compile(str(source))).read_bytes()[:16]
print(int.from_bytes(header[8:12], "little"))
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_the_header_keeps_the_sources_time_in_whole_seconds_not_the_compiles(version, tmp_path):
    """The text: the risk is an edit within the same second as the previous save."""
    assert run_on(version, HEADER_TIME, tmp_path) == "1700000000\n"
    assert "when the compile ran does not matter" in page_text()
    assert "same second as the compile" not in page_text()


def test_pyc_is_not_said_to_decompile_readily():
    text = page_text()
    assert "decompiles readily" not in text and "They decompile," not in text
    assert "trail each new bytecode format" in text


def test_further_reading_cites_the_peps():
    reading = PAGE.read_text(encoding="utf-8").split("{ #further-reading }")[1]
    for source in ("pep-3147", "pep-0488", "pep-0552"):
        assert source in reading, source


# --- Exercise 2: would CPython compile it again? -----------------------------------


def test_the_checks_answers_are_what_a_real_import_does(tmp_path):
    """Each case's answer, against an import: the .pyc's body says "from the
    pyc", so the module's value tells whether the import used it."""
    checks = exercise_checks(LESSON / "try-it")
    for number, (what, header, source, mtime, compiles_again) in enumerate(checks.pyc_cases(tmp_path)):
        folder = tmp_path / f"case{number}"
        folder.mkdir()
        path = folder / "price.py"
        path.write_bytes(source)
        body = marshal.dumps(compile("VAT = 'from the pyc'\n", str(path), "exec"))
        cached = importlib.util.cache_from_source(str(path))
        Path(cached).parent.mkdir()
        Path(cached).write_bytes(header + body)
        os.utime(path, (mtime, mtime))
        spec = importlib.util.spec_from_file_location(f"price{number}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert (module.VAT != "from the pyc") == compiles_again, what


WRONG_ANSWERS = {
    "always compiles": "def compiles_again(header, source, mtime):\n    return True\n",
    "compares the exact mtime": (
        "def compiles_again(header, source, mtime):\n    return int.from_bytes(header[8:12], 'little') != mtime\n"
    ),
    "ignores the flags": (
        "def compiles_again(header, source, mtime):\n"
        "    stored = int.from_bytes(header[8:12], 'little'), int.from_bytes(header[12:16], 'little')\n"
        "    return stored != (int(mtime), len(source))\n"
    ),
    "checks every hash": (
        "def compiles_again(header, source, mtime):\n"
        "    if header[:4] != importlib.util.MAGIC_NUMBER:\n        return True\n"
        "    if header[4] & 1:\n        return header[8:16] != importlib.util.source_hash(source)\n"
        "    stored = int.from_bytes(header[8:12], 'little'), int.from_bytes(header[12:16], 'little')\n"
        "    return stored != (int(mtime), len(source))\n"
    ),
}


@pytest.mark.parametrize("case", WRONG_ANSWERS)
def test_the_check_fails_wrong_answers(case, tmp_path):
    said = exercise_verdict(LESSON / "try-it", 2, WRONG_ANSWERS[case], tmp_path, imports="import importlib.util\n")
    assert said.startswith("FAIL") and "Hint: " in said, said
