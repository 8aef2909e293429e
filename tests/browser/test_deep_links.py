"""An instructor's link to a section opens with that section's heading at the
top of the screen, and it stays there while the page finishes rendering.
(Sections far enough from the end of the page for it to scroll that far.)"""

import pytest

from tests.support import browser as chromium

SECTIONS = [
    "cs-fundamentals/memory-architecture/#reference-counting",
    "cs-fundamentals/memory-architecture/#try-it",
    "cs-fundamentals/how-python-works/#pyc-files",
    "cs-fundamentals/how-python-works/#try-it",
]

# Distance from the bottom of Material's fixed header to the heading.
BELOW_HEADER = """id => document.getElementById(id).getBoundingClientRect().top
                       - document.querySelector('.md-header').getBoundingClientRect().bottom"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("link", SECTIONS)
def test_a_section_link_lands_on_its_heading_and_stays(browser, site_url, link, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    chromium.open_settled(page, site_url + link)
    section = link.split("#")[1]
    landed = page.evaluate(BELOW_HEADER, section)
    page.wait_for_timeout(1000)  # code near the viewport renders; Material mounts it
    settled = page.evaluate(BELOW_HEADER, section)
    page.close()
    assert -2 <= landed <= 40, f"{link}: heading {landed:.0f} px below the header on arrival"
    assert abs(settled - landed) <= 1, f"{link}: heading moved from {landed:.0f} to {settled:.0f} px"


@pytest.mark.parametrize("link", SECTIONS)
def test_reading_back_up_from_a_section_link_does_not_jump(browser, site_url, link):
    """Blocks above the section render only as the reader scrolls back to
    them (offscreen.css), and they may grow as they do: the browser keeps
    what is on screen in place, so each scroll moves the heading by exactly
    the distance scrolled."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    chromium.open_settled(page, site_url + link)
    section = link.split("#")[1]
    jumps = []
    for _ in range(8):
        before = page.evaluate(BELOW_HEADER, section)
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(300)  # the blocks now in view render
        moved = page.evaluate(BELOW_HEADER, section) - before
        if abs(moved - 300) > 1:
            jumps.append(round(moved))
    page.close()
    assert not jumps, f"{link}: scrolling up 300 px moved the heading by {jumps} px"
