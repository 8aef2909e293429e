"""Every snippet runs on every CPython version and prints its stored output."""

import pytest

from tests.support.skips import require_version
from tests.support import interpreters, snippets

CASES = [
    pytest.param(snippet, version, id=f"{snippets.snippet_id(snippet)}@{version}")
    for snippet in snippets.discover()
    for version in snippets.versions_for(snippet)
]
REFRESH = "python -m tests.refresh_outputs"


@pytest.mark.parametrize(("snippet", "version"), CASES)
def test_snippet_prints_stored_output(snippet, version, request):
    require_version(version)
    if version == interpreters.PYODIDE_VERSION:
        run = request.getfixturevalue("pyodide_runs")[snippet]
    else:
        run = interpreters.run_native(interpreters.find_native(version), snippet)
    name = snippets.snippet_id(snippet)
    assert run.ok, f"{name} failed on Python {version}:\n{run.output}"
    stored = snippets.expected_path(snippet, version)
    assert stored.exists(), f"{name} has no stored output for {version}: run `{REFRESH} {name}`"
    expected = stored.read_text(encoding="utf-8")
    assert snippets.normalize(run.output) == snippets.normalize(expected), (
        f"stale output: {name} on Python {version} no longer prints {stored.name}; "
        f"check the change, then run `{REFRESH} {name}`"
    )


@pytest.mark.parametrize("snippet", snippets.discover(), ids=snippets.snippet_id)
def test_page_fragment_matches_stored_outputs(snippet):
    fragment = snippets.fragment_path(snippet)
    expected = snippets.render_fragment(snippet, snippets.stored_outputs(snippet))
    assert fragment.exists() and fragment.read_text(encoding="utf-8") == expected, (
        f"{fragment.relative_to(interpreters.ROOT)} is stale: run `{REFRESH} {snippets.snippet_id(snippet)}`"
    )


def test_snippets_are_discovered():
    assert len(snippets.discover()) >= 10
