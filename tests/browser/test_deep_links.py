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
    page.goto(site_url + link, wait_until="networkidle")
    section = link.split("#")[1]
    landed = page.evaluate(BELOW_HEADER, section)
    page.wait_for_timeout(1000)  # code near the viewport renders; Material mounts it
    settled = page.evaluate(BELOW_HEADER, section)
    page.close()
    assert -2 <= landed <= 40, f"{link}: heading {landed:.0f} px below the header on arrival"
    assert abs(settled - landed) <= 1, f"{link}: heading moved from {landed:.0f} to {settled:.0f} px"
