"""Missing interpreters skip outside CI, and fail in CI (and while recording), where every version must run."""

import pytest

from course import interpreters


def require_version(version: str, strict: bool = False) -> None:
    """Skip the test when `version` cannot run here; fail instead in CI, or when
    `strict` (recording outputs must never leave a build out silently)."""
    reason = interpreters.missing_reason(version)
    if reason is None:
        return
    if interpreters.IN_CI or strict:
        pytest.fail(f"every version must run, but {version} is missing: {reason}")
    pytest.skip(reason)
