"""A lesson starts up without restyling itself from the top: while Material's
script sets the page up on a phone, every element restyled again is time the
reader cannot scroll (Lighthouse's total blocking time; the benchmark prints
the score). Chromium's trace says which changes made it restyle a whole
subtree, and why, so this checks the two we prevent: class changes on <html>
(overrides/main.html sets them early) and tables moved into their scroll
containers (hooks/table_frames.py). Material's palette still restyles <body>
once as it starts, and then once more (it marks the page while it switches
colours): that is in its own script, left alone."""

import pytest

from tests.support import browser as chromium
from tests.support import lessons

INVALIDATIONS = "disabled-by-default-devtools.timeline.invalidationTracking"


def restyles(browser, url: str) -> list[tuple[str, str]]:
    """Each element Chromium restyled while `url` started up, with its reason."""
    events = chromium.startup_trace(browser, url, ["devtools.timeline", INVALIDATIONS])
    return [(event["args"]["data"]["nodeName"], event["args"]["data"].get("reason", ""))
            for event in events if event.get("name") == "StyleInvalidatorInvalidationTracking"]


@pytest.mark.parametrize("lesson", lessons.discover(), ids=lambda lesson: lesson.url)
def test_starting_up_restyles_neither_the_page_nor_the_lesson(browser, site_url, lesson):
    restyled = restyles(browser, site_url + lesson.url)
    assert restyled, "the trace recorded no restyles at all: is invalidation tracking still there?"
    whole = [name for name, reason in restyled if "subtree" in reason and name.startswith(("HTML", "ARTICLE"))]
    assert not whole, f"{lesson.url}: restyled from {whole} while starting up"


def test_tables_keep_material_scrolling_inside_their_frame(browser, site_url):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    page.goto(site_url + "cs-fundamentals/how-python-works/", wait_until="networkidle")
    frames = page.evaluate("""() => [...document.querySelectorAll('article table')].map(table =>
        table.closest('.table-frame > .md-typeset__scrollwrap') !== null)""")
    page.close()
    assert frames and all(frames), f"tables inside a frame, with Material's scroll container: {frames}"
