"""The lesson "How Python Works": what its text claims, checked against the
interpreters and the stored outputs. (What every lesson must do is in
tests/test_lessons.py.)"""

import json
import re

import pytest

from tests.support import interpreters
from tests.support.interpreters import NATIVE_VERSIONS, PYODIDE_VERSION, ROOT, VERSIONS
from tests.support.skips import require_version

PAGE = ROOT / "docs/cs-fundamentals/how-python-works/index.md"
OUTPUT = ROOT / "snippets/cs-fundamentals/how-python-works/output"


def built_page(built_site):
    site, _ = built_site
    return (site / "cs-fundamentals/how-python-works/index.html").read_text(encoding="utf-8")


def test_differing_outputs_are_shown_in_linked_version_tabs(built_site):
    html = built_page(built_site)
    dis_add = html[html.index('id="reading-dis"'):html.index('id="instructions"')]
    labels = re.findall(r'<label for="__tabbed_[^"]+">([^<]+)</label>', dis_add)
    assert labels[:4] == list(VERSIONS), labels
    assert "LOAD_FAST_BORROW_LOAD_FAST_BORROW" in dis_add and "BINARY_OP" in dis_add


# --- The instruction table, checked against each interpreter's dis.opmap ---

TABLE_ROW = re.compile(r"^\| `([A-Z_]+)` \|[^|]+\|" + r"\s*([✓—])\s*\|" * len(VERSIONS) + r"\s*$", re.MULTILINE)
LIST_OPCODES = "import dis, json; print(json.dumps(sorted(dis.opmap)))\n"


def table_rows():
    rows = TABLE_ROW.findall(PAGE.read_text(encoding="utf-8"))
    assert len(rows) >= 20, "the instruction table was not found on the page"
    return {name: dict(zip(VERSIONS, marks)) for name, *marks in rows}


@pytest.fixture(scope="module")
def opcodes_by_version(tmp_path_factory):
    script = tmp_path_factory.mktemp("opmap") / "opmap.py"
    script.write_text(LIST_OPCODES)
    found = {}
    for version in NATIVE_VERSIONS:
        if interpreters.missing_reason(version) is None:
            run = interpreters.run_native(interpreters.find_native(version), script)
            found[version] = set(json.loads(run.output))
    if interpreters.missing_reason(PYODIDE_VERSION) is None:
        found[PYODIDE_VERSION] = set(json.loads(interpreters.run_pyodide([script])[script].output))
    return found


@pytest.mark.parametrize("version", VERSIONS)
def test_instruction_table_matches_dis_opmap(version, opcodes_by_version):
    require_version(version)
    wrong = [
        f"{name}: table says {marks[version]}, dis.opmap says {'✓' if name in opcodes_by_version[version] else '—'}"
        for name, marks in table_rows().items()
        if (marks[version] == "✓") != (name in opcodes_by_version[version])
    ]
    assert not wrong, f"instruction table is wrong for {version}:\n" + "\n".join(wrong)


def seconds(snippet_output, label):
    return float(re.search(rf"^{re.escape(label)}\s+(\d+\.\d+) s$", snippet_output, re.MULTILINE).group(1))


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_gil_timings_support_what_the_text_says(version):
    """CPU-bound: threads no faster than one after another, processes faster; I/O: threads faster."""
    printed = (OUTPUT / "gil_timings" / f"{version}.txt").read_text(encoding="utf-8")
    assert seconds(printed, "CPU, 4 processes") < 0.8 * seconds(printed, "CPU, one after another")
    assert seconds(printed, "CPU, 4 threads") > 0.8 * seconds(printed, "CPU, one after another")
    assert seconds(printed, "I/O, 4 threads") < 0.5 * seconds(printed, "I/O, one after another")


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_race_snippet_really_lost_updates(version):
    printed = (OUTPUT / "gil_race" / f"{version}.txt").read_text(encoding="utf-8")
    assert "unsafe: lost updates? yes" in printed and "safe: lost updates? no" in printed
