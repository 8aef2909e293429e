"""Settings saved in the browser are read defensively: a value that does not
parse, or names nothing on the page, reads as nothing saved, and the page
works as on a first visit (theme/overrides/partials/safe-storage.js, palette.js)."""

import pytest

from course import lessons
from course.builds import BUILDS
from course.interpreters import ROOT
from course.runtime import describe
from tests.support import browser as chromium

# The lesson where the most outputs differ between builds: picking a build saves it under __python.
LESSON = max(lessons.discover(), key=lambda lesson: lesson.differing_outputs).url
# Material keeps its settings under "<site path>.<key>"; the site is served at "/".
BAD_VALUES = {
    "not JSON": "{palette",
    "a number": "7",
    "an index out of range": '{"index": 9}',
    "an index that is not a number": '{"index": "dark", "color": 5}',
}
SCHEME = "document.body.dataset.mdColorScheme"
IN_PAGE = describe(ROOT)["series"]


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_malformed_saved_setting_leaves_the_toggle_and_the_pick_of_build_working(browser, site_url, value):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], color_scheme="light")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(
        f"localStorage.setItem('/.__palette', {value!r}); localStorage.setItem('/.__python', {value!r})"
    )
    chromium.open_settled(page, site_url + LESSON)
    before = page.evaluate(SCHEME)
    page.locator("form.md-header__option label:not([hidden])").click()
    after = page.evaluate(SCHEME)
    shown = page.evaluate(chromium.SHOWING_BUILD, IN_PAGE)
    page.locator("#which-python > summary").click()
    page.get_by_label(BUILDS["3.12"].label).check()
    saved = page.evaluate("__md_get('__python')")
    picked = page.evaluate(chromium.SHOWING_BUILD, "3.12")
    page.close()
    assert not errors, f"the page threw with __palette and __python = {value}: {errors}"
    assert (before, after) == ("default", "slate"), "the toggle starts from the system's scheme and switches"
    assert shown[0] > 1 and shown[0] == shown[1], f"with __python = {value}, [blocks, showing {IN_PAGE}]: {shown}"
    assert saved == "3.12" and picked[0] > 1 and picked[0] == picked[1], f"picking 3.12 saved {saved}; {picked}"
