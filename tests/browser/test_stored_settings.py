"""Settings saved in the browser are read defensively: a value that does not
parse, or names nothing on the page, reads as nothing saved, and the page
works as on a first visit (theme/overrides/partials/safe-storage.js, palette.js)."""

import pytest

from course import lessons
from tests.support import browser as chromium

# A lesson with version tabs: picking one saves it under __tabs.
LESSON = next(lesson.url for lesson in lessons.discover() if lesson.has_differing_outputs)
# Material keeps its settings under "<site path>.<key>"; the site is served at "/".
BAD_VALUES = {
    "not JSON": "{palette",
    "a number": "7",
    "an index out of range": '{"index": 9}',
    "an index that is not a number": '{"index": "dark", "color": 5}',
}
SCHEME = "document.body.dataset.mdColorScheme"


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_malformed_saved_setting_leaves_the_toggle_and_tabs_working(browser, site_url, value):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], color_scheme="light")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(f"localStorage.setItem('/.__palette', {value!r}); localStorage.setItem('/.__tabs', {value!r})")
    chromium.open_settled(page, site_url + LESSON)
    before = page.evaluate(SCHEME)
    page.locator("form.md-header__option label:not([hidden])").click()
    after = page.evaluate(SCHEME)
    tab = page.locator(".tabbed-set > .tabbed-labels > label").nth(1)
    tab.scroll_into_view_if_needed()
    tab.click()
    saved = page.evaluate("__md_get('__tabs')")
    page.close()
    assert not errors, f"the page threw with __palette and __tabs = {value}: {errors}"
    assert (before, after) == ("default", "slate"), "the toggle starts from the system's scheme and switches"
    assert isinstance(saved, list) and len(saved) == 1, f"picking a version tab saved {saved}"
