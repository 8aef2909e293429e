"""Shared fixtures: interpreters for the snippet tests, and the built site."""

import pytest

from .support import interpreters


def require_version(version: str) -> None:
    """Skip outside CI when an interpreter is missing; in CI, fail instead."""
    reason = interpreters.missing_reason(version)
    if reason is None:
        return
    if interpreters.IN_CI:
        pytest.fail(f"CI must run every version, but {version} is missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pyodide_runs():
    """Every Pyodide-capable snippet, run once in a single Node process."""
    from .support import snippets

    require_version(interpreters.PYODIDE_VERSION)
    wanted = [s for s in snippets.discover() if interpreters.PYODIDE_VERSION in snippets.versions_for(s)]
    return interpreters.run_pyodide(wanted)
