"""Every snippet runs on every CPython build and prints its recorded output.

With `--record` (what `python -m course record` runs), the same runs write the
outputs instead: one code path prints, compares and records. Recording takes
only a build that course/builds.py describes, and fails, never skips, when a
build cannot run here.
"""

import pytest

from course import builds, interpreters, snippets
from tests.support.skips import require_version

CASES = [
    pytest.param(snippet, version, id=f"{snippet.id}@{version}")
    for snippet in snippets.discover()
    for version in snippet.versions
]


@pytest.mark.parametrize(("snippet", "version"), CASES)
def test_snippet_prints_stored_output(snippet, version, snippet_runs, recording):
    run = snippet_runs(version, snippet.path)
    assert run.ok, f"{snippet.id} failed on Python {version}:\n{run.output}"
    stored = snippet.output_path(version)
    if recording:
        problem = builds.mismatch(version, snippet_runs(version, builds.PROBE).output)
        assert problem is None, f"not recorded: {problem}"
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(run.output, encoding="utf-8")
        return
    assert stored.exists(), f"{snippet.id} has no stored output for {version}: run `{snippets.RECORD} {snippet.id}`"
    problem = snippets.stale_output_message(snippet, version, run.output, stored.read_text(encoding="utf-8"))
    assert problem is None, problem


def test_a_snippet_past_its_time_limit_fails_alone_in_its_pyodide_batch(tmp_path):
    require_version("3.14")
    endless, after = tmp_path / "endless.py", tmp_path / "after.py"
    endless.write_text("while True:\n    pass\n", encoding="utf-8")
    after.write_text("print('still runs')\n", encoding="utf-8")
    runs = interpreters.run_pyodide([endless, after], "3.14", limit_s=3)
    assert runs[endless] == interpreters.Run("timed out after 3 s", ok=False)
    assert runs[after] == interpreters.Run("still runs\n", ok=True)


def test_every_recorded_output_belongs_to_a_snippet_and_build():
    kept = {snippet.output_path(v) for snippet in snippets.discover() for v in snippet.versions}
    stray = sorted(
        str(p.relative_to(snippets.SNIPPETS)) for p in snippets.SNIPPETS.glob("*/*/output/*/*.txt") if p not in kept
    )
    assert not stray, f"outputs of no snippet or build (a renamed snippet?); delete them: {stray}"


DIS_ADD = snippets.find("cs-fundamentals/source-to-bytecode/dis_add.py")


def test_stale_output_fails_naming_snippet_and_version():
    stored = DIS_ADD.output_path("3.12").read_text(encoding="utf-8")
    printed = stored.replace("BINARY_OP", "BINARY_ADD")  # what 3.10 would print
    problem = snippets.stale_output_message(DIS_ADD, "3.12", printed, stored)
    assert problem and "cs-fundamentals/source-to-bytecode/dis_add on Python 3.12" in problem
    assert "dis_add/3.12.txt" in problem and snippets.RECORD in problem


def test_only_addresses_and_timings_are_normalized():
    assert snippets.normalize("at 0x7f3a2c1b9e80 took 1.23 s, 45.6 µs") == "at 0x<address> took <time>, <time>"
    assert snippets.normalize("LOAD_FAST 0 (a)") == "LOAD_FAST 0 (a)"
    assert snippets.normalize("offset 10 RETURN_VALUE") == "offset 10 RETURN_VALUE"


def test_native_only_snippets_are_declared_and_skip_pyodide():
    gil_race = snippets.find("cs-fundamentals/gil-and-concurrency/gil_race.py")
    assert gil_race.versions == interpreters.NATIVE_VERSIONS
    assert DIS_ADD.versions == interpreters.VERSIONS
