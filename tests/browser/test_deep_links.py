"""An instructor's link to a section opens with that section's heading at the
top of the screen, and it stays there while the page finishes rendering.
(Sections far enough from the end of the page for it to scroll that far.)"""

import pytest

from course import lessons
from tests.support import browser as chromium

SECTIONS = [
    "cs-fundamentals/memory-management/#reference-counting",
    "cs-fundamentals/memory-management/#try-it",
    "cs-fundamentals/source-to-bytecode/#instructions",
    "cs-fundamentals/imports/#try-it",
]

LESSONS = lessons.discover()
# Every lesson on a phone, where blocks grow most as they render (code wraps);
# on a desktop the same script holds the heading (page-fixes.js), so one
# lesson stands for the rest there: the one with the most code, the hardest.
# (Opening every section of every lesson on both took 7 minutes of a
# 20-lesson suite.)
CASES = [("phone", lesson) for lesson in LESSONS] + [
    ("desktop", lesson) for lesson in LESSONS if lesson.url == chromium.longest_lesson()
]
SECTION_IDS = "[...document.querySelectorAll('article :is(h2, h3)[id]')].map(h => h.id)"
AT_THE_END = "scrollY >= document.documentElement.scrollHeight - innerHeight - 2"


@pytest.mark.parametrize(("viewport", "lesson"), CASES, ids=lambda case: getattr(case, "slug", case))
def test_every_section_link_lands_on_its_heading_and_stays(browser, site_url, lesson, viewport):
    """Blocks above a section render, and get their Run and Check controls, as
    they come near the screen: they grow or shrink after the browser has
    scrolled. Without page-fixes.js holding the heading, 7 of 55 sections
    landed off on a phone, by up to 350 px."""
    # One context: the page's files come from the browser's cache after the
    # first visit, as for a reader who follows a second link.
    context = browser.new_context(viewport=chromium.VIEWPORTS[viewport])
    page = context.new_page()
    chromium.open_settled(page, site_url + lesson.url)
    sections = page.evaluate(SECTION_IDS)
    off = []
    for section in sections:
        page.goto("about:blank")  # so the link loads the page afresh, not as a jump within it
        chromium.open_settled(page, f"{site_url}{lesson.url}#{section}")
        landed, settled = chromium.landing(page, section)
        at_the_end = page.evaluate(AT_THE_END)
        if not at_the_end and not chromium.at_the_top_and_still(landed, settled):
            off.append(f"#{section}: {landed:.0f} px below the header on arrival, {settled:.0f} px after")
    context.close()
    own = [anchor for _, _, anchor in lessons.HEADING.findall(lesson.page.read_text(encoding="utf-8"))]
    assert set(own) <= set(sections), f"{lesson.url}: sections not found on the page: {set(own) - set(sections)}"
    assert not off, f"{lesson.url}: " + "; ".join(off)


# What is drawn over the heading, at its start or its middle, if anything is
# ("Back to top" once floated there whenever the page moved up).
COVERED = """id => {
  const heading = document.getElementById(id);
  const {left, top, width, height} = heading.getBoundingClientRect();
  const over = [left + 8, left + width / 2].map(x => document.elementFromPoint(x, top + height / 2))
    .find(there => there && !heading.contains(there));
  return over ? `${over.tagName.toLowerCase()}.${over.className}` : null;
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_table_of_contents_link_lands_on_its_heading_and_stays(browser, site_url, viewport):
    """The first jump within a page makes Material's instant navigation fetch
    the page again and swap it in while it scrolls: the heading landed
    anywhere from 2,000 px above to 100 px below its place."""
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    chromium.open_settled(page, site_url + "cs-fundamentals/source-to-bytecode/")
    section = "first-dis"  # exercises above it grow as the runner sets them up
    if viewport == "phone":  # the drawer's "On this page"
        page.locator(".md-header label[for='__drawer']").click()
        page.locator(".md-nav--primary label.md-nav__link[for='__toc']").click()
        links = page.locator(f".md-nav--primary .md-nav--secondary a.md-nav__link[href$='#{section}']")
    else:
        links = page.locator(f".md-sidebar--secondary a.md-nav__link[href$='#{section}']")
    links.first.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=section)
    page.wait_for_load_state("networkidle")  # Material's fetch of the page and the swap
    page.evaluate(chromium.TWO_FRAMES)  # the blocks near the heading render
    landed, settled = chromium.landing(page, section)
    drawer_open = page.evaluate("document.getElementById('__drawer').checked")
    # The drawer's shade fades out over a quarter of a second, then folds away
    # (on a desktop it has no height at all).
    page.wait_for_function(
        "() => (r => r.width * r.height)(document.querySelector('.md-overlay').getBoundingClientRect()) === 0"
    )
    covered = page.evaluate(COVERED, section)
    page.close()
    assert chromium.at_the_top_and_still(landed, settled), (
        f"#{section} from the table of contents: {landed:.0f} px below the header, then {settled:.0f} px"
    )
    assert not drawer_open
    assert not covered, f"{covered} covers the heading the reader asked for"


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
        before = page.evaluate(chromium.BELOW_HEADER, section)
        page.mouse.wheel(0, -300)
        page.evaluate(chromium.TWO_FRAMES)  # the blocks now in view render
        moved = page.evaluate(chromium.BELOW_HEADER, section) - before
        if abs(moved - 300) > 2:  # scroll anchoring rounds: 301.4 px was seen once; a jump is tens of px
            jumps.append(round(moved))
    page.close()
    assert not jumps, f"{link}: scrolling up 300 px moved the heading by {jumps} px"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_an_old_link_to_a_section_of_a_chapter_lands_in_its_lesson(browser, site_url, viewport):
    """The page of "How Python Works", now a chapter, sends a link to a section
    that moved on to the lesson that has it (hooks/lessons.py, page-fixes.js)."""
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    chromium.open_settled(page, site_url + "cs-fundamentals/how-python-works/#pyc-files")
    page.wait_for_function("() => location.pathname.endsWith('/cs-fundamentals/pyc-files/')")
    page.wait_for_load_state("load")  # the lesson, as open_settled waits for a page
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate(chromium.TWO_FRAMES)
    landed, settled = chromium.landing(page, "pyc-files")
    page.close()
    assert chromium.at_the_top_and_still(landed, settled), f"{landed:.0f} px below the header, then {settled:.0f} px"
