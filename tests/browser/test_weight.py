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
    own, _ = chromium.page_weight(chromium.fetched_bytes(browser, site_url + path))
    budget = chromium.BUDGET_KB[PAGES[path]]
    assert own / 1024 <= budget, f"{path} fetches {own / 1024:.0f} KB besides the editor, budget {budget} KB"


def test_the_editor_is_within_its_budget(browser, site_url):
    """Fetched once, as the reader nears an exercise: measured where it loads."""
    page = browser.new_page()
    fetched = {}
    page.on("requestfinished", lambda request: fetched.update({request.url: request.sizes()}))
    chromium.open_settled(page, site_url + chromium.longest_lesson())
    page.locator(".md-typeset > .exercise").last.scroll_into_view_if_needed()
    page.locator(".md-typeset > .exercise .cm-editor").last.wait_for()
    page.close()
    sizes = [size for url, size in fetched.items() if url.endswith(chromium.EDITOR)]
    assert sizes, f"no request for {chromium.EDITOR} while an exercise's editor was set up"
    kb = (sizes[0]["responseBodySize"] + sizes[0]["responseHeadersSize"]) / 1024
    assert kb <= chromium.BUDGET_KB["editor"], (
        f"{chromium.EDITOR}: {kb:.0f} KB, budget {chromium.BUDGET_KB['editor']} KB"
    )
