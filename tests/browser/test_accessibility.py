"""axe-core finds nothing on any page, in either colour scheme, and the
keyboard reaches everything a reader needs."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from course import lessons
from course.builds import BUILDS
from tests.support import browser as chromium

LESSON = "cs-fundamentals/source-to-bytecode/"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser, site_url, site_pages, scheme, viewport):
    """On a phone, more scrolls sideways (tables, notebook cells: keyboard
    readers must reach them) and the sidebar's sections become the drawer, so
    every page is checked there. On a desktop what changes is the theme's frame
    (the sidebars), the same on every lesson: every page but the lessons and
    their notebooks, and the lesson with the most code and its notebook."""
    if viewport == "desktop":
        longest = chromium.longest_lesson()
        own = {lesson.url for lesson in lessons.discover()} - {longest}
        site_pages = [path for path in site_pages if path.removesuffix("notebook/") not in own]
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport], color_scheme=scheme)
    found = {}
    for path in site_pages:
        chromium.open_settled(page, site_url + path)
        violations = chromium.run_axe(page)
        if violations:
            found[path or "/"] = violations
    page.close()
    assert not found, f"axe violations ({scheme}, {viewport}): {found}"


@pytest.fixture
def lesson(browser, site_url):
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    chromium.open_settled(page, site_url + LESSON)
    yield page
    page.close()


def focused(page, script):
    return page.evaluate(f"() => (el => {script})(document.activeElement)")


def becomes_true(page, script, seconds=2):
    """Material reacts to keys and focus in handlers that may run a frame or
    two later: wait briefly for `script` (about the focused `el`) to hold."""
    try:
        page.wait_for_function(f"() => (el => {script})(document.activeElement)", timeout=seconds * 1000)
    except PlaywrightTimeout:
        return False
    return True


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus(lesson):
    lesson.keyboard.press("Tab")
    assert focused(lesson, "el.textContent.trim()") == "Skip to content"
    assert focused(lesson, "el.getBoundingClientRect().height > 0")
    lesson.keyboard.press("Enter")
    assert lesson.evaluate("location.hash") == "#source-to-bytecode"


# Where focus shows: an outline on the element; for the hidden colour-scheme
# radio, on the toggle button the reader sees; for the search box, the search
# dialog it opens.
FOCUS_IS_VISIBLE = """
el => {
  const outlined = e => e && getComputedStyle(e).outlineStyle !== 'none'
                       && parseFloat(getComputedStyle(e).outlineWidth) > 0;
  if (el.matches('input.md-option')) return [...el.form.querySelectorAll('label:not([hidden])')].some(outlined);
  if (el.matches('[data-md-component=search-query]')) return document.getElementById('__search').checked;
  return outlined(el);
}"""


def test_keyboard_focus_is_visible(lesson):
    for _ in range(12):
        lesson.keyboard.press("Tab")
        where = focused(lesson, "el.outerHTML.slice(0, 80)")
        assert becomes_true(lesson, f"({FOCUS_IS_VISIBLE})(el)"), f"no visible focus within 2 s on {where}"


def test_slash_opens_search(lesson):
    lesson.keyboard.press("/")
    assert becomes_true(lesson, "el.dataset.mdComponent === 'search-query'"), "/ did not focus the search box"


def test_the_pick_of_build_works_from_the_keyboard_and_holds_on_the_next_page(lesson):
    for _ in range(300):  # Tab through the page to the builds box
        lesson.keyboard.press("Tab")
        if focused(lesson, "el.matches('#which-python > summary')"):
            break
    else:
        pytest.fail("Tab never reached the builds box")
    lesson.keyboard.press("Enter")
    lesson.keyboard.press("Tab")  # into the radio group, on the build picked (the in-page one)
    assert becomes_true(lesson, "el.matches('form.python-pick input:checked')")
    lesson.keyboard.press("ArrowUp")  # the build listed before it: 3.13
    picked = focused(lesson, "el.value")
    blocks, showing = lesson.evaluate(chromium.SHOWING_BUILD, picked)
    assert picked == "3.13" and blocks > 3 and showing == blocks, f"{showing} of {blocks} blocks show 3.13's output"
    # The next lesson shows the pick from its first frame, blocks far below the
    # first screen included (theme/overrides/partials/python-pick.js, offscreen.css).
    chromium.open_settled(lesson, lesson.url.replace("source-to-bytecode", "object-layout"))
    blocks, showing = lesson.evaluate(chromium.SHOWING_BUILD, picked)
    assert blocks > 3 and showing == blocks, f"on the next lesson, {showing} of {blocks} blocks show 3.13's output"
    assert lesson.evaluate("document.querySelector('form.python-pick input:checked').value") == picked


def test_a_tap_anywhere_on_a_builds_row_picks_it_and_the_summary_says_so(browser, site_url):
    """Each build is a row the width of the box. Contained (offscreen.css),
    the box lost a tap on a row's blank end, and the next tap crashed the page."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], has_touch=True)
    chromium.open_settled(page, site_url + LESSON)
    page.locator("#which-python > summary").tap()
    summaries = []
    for build in ["3.13", "3.12", "3.11"]:
        row = page.locator(f"form.python-pick label:has(input[value='{build}'])")
        box = row.bounding_box()
        row.tap(position={"x": box["width"] - 8, "y": box["height"] / 2})  # the blank end of the row
        page.wait_for_function("v => __md_get('__python') === v", arg=build)
        summaries.append(page.locator("#which-python .builds__shown").text_content())
    page.close()
    assert summaries == [BUILDS[v].release for v in ["3.13", "3.12", "3.11"]], summaries


def test_collapsed_solution_opens_from_the_keyboard(lesson):
    for _ in range(400):
        lesson.keyboard.press("Tab")
        if focused(lesson, "el.tagName") == "SUMMARY":
            break
    else:
        pytest.fail("Tab never reached a solution")
    lesson.keyboard.press("Enter")
    assert focused(lesson, "el.parentElement.open") is True
