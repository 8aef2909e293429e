"""Every snippet runs on every CPython version and prints its stored output."""

import pytest

from tests.support.skips import require_version
from tests.support import interpreters, snippets

CASES = [
    pytest.param(snippet, version, id=f"{snippets.snippet_id(snippet)}@{version}")
    for snippet in snippets.discover()
    for version in snippets.versions_for(snippet)
]
REFRESH = snippets.REFRESH


@pytest.mark.parametrize(("snippet", "version"), CASES)
def test_snippet_prints_stored_output(snippet, version, request):
    require_version(version)
    if version in interpreters.PYODIDE_PACKAGES:
        run = request.getfixturevalue("pyodide_runs")[version][snippet]
    else:
        run = interpreters.run_native(interpreters.find_native(version), snippet)
    name = snippets.snippet_id(snippet)
    assert run.ok, f"{name} failed on Python {version}:\n{run.output}"
    stored = snippets.expected_path(snippet, version)
    assert stored.exists(), f"{name} has no stored output for {version}: run `{REFRESH} {name}`"
    problem = snippets.stale_output_message(snippet, version, run.output, stored.read_text(encoding="utf-8"))
    assert problem is None, problem


@pytest.mark.parametrize("snippet", snippets.discover(), ids=snippets.snippet_id)
def test_page_fragment_matches_stored_outputs(snippet):
    fragment = snippets.fragment_path(snippet)
    expected = snippets.render_fragment(snippet, snippets.stored_outputs(snippet))
    assert fragment.exists() and fragment.read_text(encoding="utf-8") == expected, (
        f"{fragment.relative_to(interpreters.ROOT)} is stale: run `{REFRESH} {snippets.snippet_id(snippet)}`"
    )


def test_snippets_are_discovered():
    assert len(snippets.discover()) >= 10


DIS_ADD = snippets.SNIPPETS / "cs-fundamentals/how-python-works/dis_add.py"


def test_stale_output_fails_naming_snippet_and_version():
    stored = snippets.expected_path(DIS_ADD, "3.12").read_text(encoding="utf-8")
    printed = stored.replace("BINARY_OP", "BINARY_ADD")  # what 3.10 would print
    problem = snippets.stale_output_message(DIS_ADD, "3.12", printed, stored)
    assert problem and "cs-fundamentals/how-python-works/dis_add on Python 3.12" in problem
    assert "dis_add/3.12.txt" in problem and REFRESH in problem


def test_only_addresses_and_timings_are_normalized():
    assert snippets.normalize("at 0x7f3a2c1b9e80 took 1.23 s, 45.6 µs") == "at 0x<address> took <time>, <time>"
    assert snippets.normalize("LOAD_FAST 0 (a)") == "LOAD_FAST 0 (a)"
    assert snippets.normalize("offset 10 RETURN_VALUE") == "offset 10 RETURN_VALUE"


def test_native_only_snippets_are_declared_and_skip_pyodide():
    gil_race = snippets.SNIPPETS / "cs-fundamentals/how-python-works/gil_race.py"
    assert snippets.versions_for(gil_race) == ("3.11", "3.12", "3.13")
    assert snippets.versions_for(DIS_ADD) == ("3.11", "3.12", "3.13", "3.14", "3.15")
