"""A lesson starts up without restyling itself from the top: while Material's
script sets the page up on a phone, every element restyled again is time the
reader cannot scroll (Lighthouse's total blocking time; the benchmark prints
the score and the count of restyled elements). Chromium's trace says which
changes made it restyle a whole subtree, and why, so this checks those we
prevent: class changes on <html> (theme/overrides/main.html sets them early), the
palette toggle's set-up (partials/palette.js does it before the page paints)
and tables moved into their scroll containers (theme/hooks/table_frames.py). A
stylesheet reloaded restyles every element too, with no such trace: Material
makes every relative href absolute once the page has loaded, so the head does
it first for stylesheets (theme/overrides/main.html)."""

import pytest

from course import lessons
from tests.support import browser as chromium

INVALIDATIONS = "disabled-by-default-devtools.timeline.invalidationTracking"


def restyles(browser, url: str) -> list[tuple[str, str]]:
    """Each element Chromium restyled while `url` started up, with its reason."""
    events = chromium.startup_trace(browser, url, ["devtools.timeline", INVALIDATIONS])
    return [
        (event["args"]["data"]["nodeName"], event["args"]["data"].get("reason", ""))
        for event in events
        if event.get("name") == "StyleInvalidatorInvalidationTracking"
    ]


@pytest.mark.parametrize("lesson", lessons.discover(), ids=lambda lesson: lesson.url)
def test_starting_up_restyles_neither_the_page_nor_the_lesson(browser, site_url, lesson):
    restyled = restyles(browser, site_url + lesson.url)
    assert restyled, "the trace recorded no restyles at all: is invalidation tracking still there?"
    whole = [name for name, reason in restyled if "subtree" in reason and name.startswith(("HTML", "BODY", "ARTICLE"))]
    assert not whole, f"{lesson.url}: restyled from {whole} while starting up"


# The page's stylesheets as its lesson text arrives, before Material's script.
SHEETS_WHEN_TEXT_ARRIVES = """new MutationObserver((changes, observer) => {
  if (!document.querySelector('article')) return;
  window.sheetsWhenTextArrived = [...document.styleSheets];
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});"""


@pytest.mark.parametrize("lesson", lessons.discover(), ids=lambda lesson: lesson.url)
def test_stylesheets_are_loaded_once(browser, site_url, lesson):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    page.add_init_script(SHEETS_WHEN_TEXT_ARRIVES)
    chromium.open_settled(page, site_url + lesson.url)
    # Linked sheets only: the code editor adds its own <style> when an exercise
    # nears the screen, its rules scoped to the editor's classes (CodeMirror).
    reloaded = page.evaluate("""() => [...document.styleSheets]
        .filter(sheet => sheet.href && !window.sheetsWhenTextArrived.includes(sheet)).map(sheet => sheet.href)""")
    page.close()
    assert not reloaded, f"{lesson.url}: reloaded after the text arrived, restyling every element: {reloaded}"


def test_tables_keep_material_scrolling_inside_their_frame(browser, site_url):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    chromium.open_settled(page, site_url + "cs-fundamentals/source-to-bytecode/")
    frames = page.evaluate("""() => [...document.querySelectorAll('article table')].map(table =>
        table.closest('.table-frame > .md-typeset__scrollwrap') !== null)""")
    page.close()
    assert frames and all(frames), f"tables inside a frame, with Material's scroll container: {frames}"
