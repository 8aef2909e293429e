"""Shared fixtures: snippets run in Pyodide, and the built site."""

import fcntl
import json
import shutil
import time

import pytest

from course import builds, interpreters, site, snippets
from tests.support import browser as chromium
from tests.support.skips import require_version


def pytest_addoption(parser):
    parser.addoption(
        "--record",
        action="store_true",
        help="write what each snippet prints as its recorded output (python -m course record)",
    )


@pytest.fixture(scope="session")
def recording(request):
    return request.config.getoption("--record")


class PyodideRuns:
    """Runs on each Pyodide version, made on first use: every Pyodide-capable
    snippet, every lesson's examples.py and the build probe, in one Node process
    per version (starting Pyodide is the slow part). `runs["3.15"][path]`."""

    def __init__(self):
        self._by_version = {}

    def __getitem__(self, version):
        require_version(version)  # skips (or fails in CI) the asking test only
        if version not in self._by_version:
            wanted = [s.path for s in snippets.discover() if version in s.versions]
            examples = sorted(snippets.SNIPPETS.glob("*/*/try-it/examples.py"))
            self._by_version[version] = interpreters.run_pyodide([*wanted, *examples, builds.PROBE], version)
        return self._by_version[version]


@pytest.fixture(scope="session")
def pyodide_runs():
    return PyodideRuns()


@pytest.fixture(scope="session")
def snippet_runs(pyodide_runs, recording):
    """run(version, path): a file run as `python file.py` on that build, natively
    or in this session's batch of Pyodide runs. A build that cannot run here
    skips the test, except in CI or while recording, where it fails."""

    def run(version, path):
        require_version(version, strict=recording)
        if version in interpreters.PYODIDE_PACKAGES:
            return pyodide_runs[version][path]
        return interpreters.run_native(interpreters.find_native(version), path)

    return run


mkdocs_build = site.build  # the README's build of a project folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once per test session, by each xdist worker in turn.
    In a fresh clone the first build executes the notebooks and fills their
    cache; the others read it. Built at once, each would execute them, and the
    memory notebook's tracemalloc figures differ by a KiB or so between runs,
    so two builds of one commit differed about 1 time in 2."""
    folder = tmp_path_factory.mktemp("site")
    with open(tmp_path_factory.getbasetemp().parent / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        build = mkdocs_build(interpreters.ROOT, folder)
    assert build.returncode == 0, f"properdocs build --strict failed:\n{build.stderr[-3000:]}"
    return folder, build.stderr


def copy_project(destination):
    """A copy of everything the build reads, for tests that break it on purpose."""
    for name in ("docs", "snippets", "theme", "hooks", "course"):
        shutil.copytree(interpreters.ROOT / name, destination / name, symlinks=True)
    for name in ("mkdocs.yml", "CITATION.cff"):
        shutil.copy(interpreters.ROOT / name, destination / name)
    # Read, never written: the in-page runtime and the editor's sources.
    (destination / "node_modules").symlink_to(interpreters.ROOT / "node_modules")
    # The notebooks' execution cache, if the session's build has filled it: a
    # copy then executes only the notebooks it changed, not every one.
    if (interpreters.ROOT / ".cache").is_dir():
        shutil.copytree(interpreters.ROOT / ".cache", destination / ".cache")
    return destination


@pytest.fixture
def project_copy(tmp_path, built_site):
    """copy_project() into tmp_path/project, made after this session's build has
    filled the notebooks' execution cache, so that the copy reads it whole."""
    return copy_project(tmp_path / "project")


SESSION_STARTED = time.time()


def pytest_terminal_summary(terminalreporter):
    """Print the search figures the browser suite measured (see tests/support/browser.py)."""
    report = chromium.SCREENSHOTS / "search.json"
    if report.is_file() and report.stat().st_mtime >= SESSION_STARTED:
        figures = json.loads(report.read_text(encoding="utf-8"))
        terminalreporter.write_line(
            f"search: {figures['queries']} queries, hit@1 {figures['hit_at_1']:.2f}, "
            f"hit@3 {figures['hit_at_3']:.2f}, median {figures['median_latency_ms']:.0f} ms "
            "from the last keystroke to results"
        )
