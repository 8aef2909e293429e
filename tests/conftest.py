"""Shared fixtures: snippets run in Pyodide, and the built site."""

import json
import shutil
import subprocess
import sys
import time

import pytest

from tests.support import browser as chromium
from tests.support import interpreters, snippets
from tests.support.skips import require_version


@pytest.fixture(scope="session")
def pyodide_runs():
    """Every Pyodide-capable snippet and every lesson's examples.py, run once in
    a single Node process: starting Pyodide is the slow part."""
    require_version(interpreters.PYODIDE_VERSION)
    wanted = [s for s in snippets.discover() if interpreters.PYODIDE_VERSION in snippets.versions_for(s)]
    examples = sorted(snippets.SNIPPETS.glob("*/*/try-it/examples.py"))
    return interpreters.run_pyodide(wanted + examples)


def mkdocs_build(project_dir, site_dir):
    """`mkdocs build --strict` of a project folder; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir, capture_output=True, text=True, timeout=300,
        env={**interpreters.CLEAN_ENV, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    build = mkdocs_build(interpreters.ROOT, site)
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.stderr[-3000:]}"
    return site, build.stderr


def copy_project(destination):
    """A copy of everything the build reads, for tests that break it on purpose."""
    for name in ("docs", "snippets", "overrides", "hooks"):
        shutil.copytree(interpreters.ROOT / name, destination / name, symlinks=True)
    shutil.copy(interpreters.ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


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
