"""What a reader's browser fetches for a page stays within budget (gzip, as
GitHub Pages serves it). The benchmark prints the same figures."""

import pytest

from course import lessons
from tests.support import browser as chromium

PAGES = {lesson.url: "lesson" for lesson in lessons.discover()} | {
    lesson.url + "notebook/": "notebook" for lesson in lessons.discover()
}


@pytest.mark.parametrize("path", PAGES)
def test_page_weight_is_within_budget(browser, site_url, path):
    total = chromium.fetched_bytes(browser, site_url + path)
    budget = chromium.BUDGET_KB[PAGES[path]]
    assert total / 1024 <= budget, f"{path} fetches {total / 1024:.0f} KB, budget {budget} KB"
