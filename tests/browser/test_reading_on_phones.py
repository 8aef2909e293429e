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
    opener = phone.locator(".md-nav--primary .md-nav__link[for=__toc]")
    assert opener.count() == 1, f"{lesson}: no table of contents in the drawer"
    opener.click()
    phone.wait_for_timeout(300)  # the drawer's panel slides in
    links = phone.locator(".md-nav--primary .md-nav--secondary a.md-nav__link")
    visible = [link for link in links.all() if link.is_visible()]
    headings = phone.evaluate(HEADINGS)
    assert headings > 5, f"{lesson}: only {headings} headings found"
    assert len(visible) == headings, f"{lesson}: {len(visible)} contents links in the drawer for {headings} headings"


# For the version table (its centred columns are the versions): names broken
# across lines, and version headers not fully inside the visible table.
VERSION_TABLE = """() => {
  const table = document.querySelector('.md-typeset table:has(th[style*="center"])');
  table.scrollIntoView();
  const box = table.getBoundingClientRect();
  const broken = [...table.querySelectorAll('td:first-child code')]
    .filter(code => code.getClientRects().length > 1 || code.scrollWidth > code.clientWidth + 1)
    .map(code => code.textContent);
  const hidden = [...table.querySelectorAll('th[style*="center"]')]
    .filter(th => { const r = th.getBoundingClientRect();
                    return r.left < box.left || r.right > box.right + 0.5 || r.right > innerWidth; })
    .map(th => th.textContent);
  return {broken, hidden, versions: table.querySelectorAll('th[style*="center"]').length};
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_version_table_shows_whole_names_and_every_version(browser, site_url, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    page.goto(site_url + "cs-fundamentals/how-python-works/")
    found = page.evaluate(VERSION_TABLE)
    page.close()
    assert found["versions"] >= 4
    assert not found["broken"], f"{viewport}: names broken across lines: {found['broken']}"
    assert not found["hidden"], f"{viewport}: version columns out of view: {found['hidden']}"
