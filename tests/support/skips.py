"""Missing interpreters skip outside CI, and fail in CI, where every version must run."""

import pytest

from tests.support import interpreters


def require_version(version: str) -> None:
    reason = interpreters.missing_reason(version)
    if reason is None:
        return
    if interpreters.IN_CI:
        pytest.fail(f"CI must run every version, but {version} is missing: {reason}")
    pytest.skip(reason)
