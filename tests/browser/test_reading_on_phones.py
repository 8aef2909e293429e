"""A lesson read on a phone: its table of contents is in the drawer, the
version table shows whole names and every version, nothing that runs off the
right edge hides that it does, and charts are legible and follow the theme."""

import pytest

from tests.support import browser as chromium
from tests.support import lessons

LESSONS = [lesson.url for lesson in lessons.discover()]

# Headings the page's table of contents lists (Material's toc_depth: h2 and h3).
HEADINGS = "() => document.querySelectorAll('.md-content h2[id], .md-content h3[id]').length"


@pytest.fixture
def phone(browser):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    yield page
    page.close()


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_drawer_lists_the_lessons_sections(phone, site_url, lesson):
    phone.goto(site_url + lesson)
    phone.click(".md-header label[for=__drawer]")
    opener = phone.locator(".md-nav--primary label[for=__toc]")
    assert opener.count() == 1, f"{lesson}: no table of contents in the drawer"
    opener.click()
    phone.wait_for_timeout(300)  # the drawer's panel slides in
    links = phone.locator(".md-nav--primary .md-nav--secondary a.md-nav__link")
    visible = [link for link in links.all() if link.is_visible()]
    headings = phone.evaluate(HEADINGS)
    assert headings > 5, f"{lesson}: only {headings} headings found"
    assert len(visible) == headings, f"{lesson}: {len(visible)} contents links in the drawer for {headings} headings"
