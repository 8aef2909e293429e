"""What a reader's browser fetches for a page stays within budget (gzip, as
GitHub Pages serves it). The benchmark prints the same figures."""

import pytest

from tests.support import browser as chromium

PAGES = {
    "cs-fundamentals/memory-architecture/": "lesson",
    "cs-fundamentals/how-python-works/": "lesson",
    "cs-fundamentals/memory-architecture/notebook/": "notebook",
    "cs-fundamentals/how-python-works/notebook/": "notebook",
}


@pytest.mark.parametrize("path", PAGES)
def test_page_weight_is_within_budget(browser, site_url, path):
    total = chromium.fetched_bytes(browser, site_url + path)
    budget = chromium.BUDGET_KB[PAGES[path]]
    assert total / 1024 <= budget, f"{path} fetches {total / 1024:.0f} KB, budget {budget} KB"
