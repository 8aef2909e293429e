"""The Pythons the course is checked on are stated the same wherever the
site describes itself: its home, its module page, its configuration (the
pages' description) and CITATION.cff."""

import re

import pytest

from course import interpreters, runtime

STATED_RANGE = re.compile(r"CPython (3\.\d+) to (3\.\d+)")
DESCRIBING = ["docs/index.md", "docs/cs-fundamentals/index.md", "mkdocs.yml", "CITATION.cff"]


@pytest.mark.parametrize("name", DESCRIBING)
def test_the_course_states_the_builds_it_checks(name):
    series = list(runtime.PACKAGES)  # 3.11 ... 3.15, the series every output is printed on
    found = STATED_RANGE.findall((interpreters.ROOT / name).read_text(encoding="utf-8"))
    assert found, f"{name} no longer says which Pythons the course is checked on"
    assert set(found) == {(series[0], series[-1])}, f"{name} says {found}, the course checks {series}"
