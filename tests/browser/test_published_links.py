"""Links the site has published (tests/published-links/) open where they
named, in a real browser, on a phone and a desktop: every old chapter address
lands on the section's heading in its new lesson, and on each page the link
furthest down it, and one midway, land on what they name, an exercise or a
heading.

Every published link resolves in the built site (tests/test_published_links.py).
In the browser, links into one page land alike, held by one script
(page-fixes.js) whatever the anchor names, and the further down, the more
blocks above it grow as they render: the hardest cases. Opening all of them
took 8 minutes of a 20-lesson suite. (A lesson's own sections
are each opened by test_deep_links.py.)"""

from urllib.parse import urljoin

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


def to_open(site, page_links: list[str]) -> list[tuple[str, str]]:
    """(link, where it lands): each that moved to another page, and of those
    that did not, the one furthest down its page and the one midway (the
    furthest may lie too near the end to reach the top of the screen)."""
    landing = {link: links.lands(site, link) for link in page_links}
    assert all(landing.values()), f"links that land nowhere: {[k for k, v in landing.items() if not v]}"
    moved = [(link, final) for link, final in landing.items() if final.partition("#")[0] != link.partition("#")[0]]
    stay = [link for link in page_links if (link, landing[link]) not in moved]
    if not stay:
        return moved
    html = (site / stay[0].partition("#")[0].lstrip("/") / "index.html").read_text(encoding="utf-8")
    down_the_page = sorted(stay, key=lambda link: html.find(f'id="{link.partition("#")[2]}"'))
    picked = dict.fromkeys([down_the_page[len(down_the_page) // 2], down_the_page[-1]])
    return [*moved, *((link, landing[link]) for link in picked)]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("named_page", BY_PAGE)
def test_published_links_land_on_what_they_named(browser, site_url, built_site, named_page, viewport):
    site, _ = built_site
    context = browser.new_context(viewport=chromium.VIEWPORTS[viewport])
    page = context.new_page()
    off = []
    for link, final in to_open(site, BY_PAGE[named_page]):
        page.goto("about:blank")  # the link loads its page afresh
        chromium.open_settled(page, site_url + link.lstrip("/"))
        # A chapter page sends a moved section on to its lesson (page-fixes.js).
        # Only the page is awaited: once the page scrolls, Material's
        # navigation.tracking rewrites the #anchor to the heading above it
        # (on a slow machine, even before this line); where it landed is
        # measured next.
        final_page = urljoin(site_url, final.partition("#")[0])
        page.wait_for_url(lambda url, final_page=final_page: url.partition("#")[0] == final_page)
        page.wait_for_function("() => document.readyState === 'complete'")
        landed, settled = chromium.landing(page, final.partition("#")[2])
        if not page.evaluate(AT_THE_END) and not chromium.at_the_top_and_still(landed, settled):
            off.append(f"{link} -> {final}: {landed:.0f} px below the header on arrival, {settled:.0f} px after")
    context.close()
    assert not off, "\n".join(off)


def test_the_links_opened_include_moved_sections_and_exercises():
    assert any(link.startswith("/cs-fundamentals/how-python-works/#") for link in TO_OPEN)
    assert any("#exercise-" in link for link in TO_OPEN)
