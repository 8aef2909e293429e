"""The lesson ".pyc Files": what its text claims, checked against the
stored outputs. (What every lesson must do is in tests/test_lessons.py.)"""

import re

import pytest

from course.interpreters import NATIVE_VERSIONS, ROOT, VERSIONS
from tests.support.probes import run_on

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
