"""Every link the site has published (tests/published-links/) opens where it
named, in a real browser, on a phone and a desktop: an old chapter address
lands on the section's heading in its new lesson, an exercise link on its
exercise. (A lesson's own sections are held by test_deep_links.py, which
opens each of them the same way.)"""

import pytest

from course import lessons, links
from tests.support import browser as chromium

OWN_SECTIONS = {
    f"/{lesson.url}#{anchor}"
    for lesson in lessons.discover()
    for _, _, anchor in lessons.HEADING.findall(lesson.page.read_text(encoding="utf-8"))
}
TO_OPEN = [link for link in links.recorded() if "#" in link and link not in OWN_SECTIONS]
# Grouped by the page they name, so that test workers share them out.
BY_PAGE = {}
for link in TO_OPEN:
    BY_PAGE.setdefault(link.partition("#")[0], []).append(link)
AT_THE_END = "() => scrollY >= document.documentElement.scrollHeight - innerHeight - 2"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("named_page", BY_PAGE)
def test_every_published_link_lands_on_what_it_named(browser, site_url, built_site, named_page, viewport):
    site, _ = built_site
    context = browser.new_context(viewport=chromium.VIEWPORTS[viewport])
    page = context.new_page()
    off = []
    for link in BY_PAGE[named_page]:
        final = links.lands(site, link)
        assert final, f"{link} lands nowhere (test_published_links.py says why)"
        page.goto("about:blank")  # the link loads its page afresh
        chromium.open_settled(page, site_url + link.lstrip("/"))
        # A chapter page sends a moved section on to its lesson (page-fixes.js).
        page.wait_for_url(site_url + final.lstrip("/"))
        page.wait_for_function("() => document.readyState === 'complete'")
        landed, settled = chromium.landing(page, final.partition("#")[2])
        if not page.evaluate(AT_THE_END) and not chromium.at_the_top_and_still(landed, settled):
            off.append(f"{link} -> {final}: {landed:.0f} px below the header on arrival, {settled:.0f} px after")
    context.close()
    assert not off, "\n".join(off)


def test_the_links_opened_include_moved_sections_and_exercises():
    assert any(link.startswith("/cs-fundamentals/how-python-works/#") for link in TO_OPEN)
    assert any("#exercise-" in link for link in TO_OPEN)
