"""A learner's progress is kept in the browser (docs/assets/runner/progress.js):
an exercise that passed and a prediction checked are ticked, and the ticks and
the lesson's tally are there again after a reload, and the module page says
what was done in the lesson, on a phone and a desktop."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from course import exercises, lessons
from tests.support import browser as chromium
from tests.support.page_runner import check, exercise, near, set_editor_text

LESSON = lessons.discover()[0]
SOLUTION = exercises.code_by_number(LESSON.try_it / "solutions.py")[1]
RESULT_SAID = "form => form.querySelector('.predict__result').textContent.length > 0"


def ticks(page):
    return {
        "exercise": page.locator('.exercise[data-exercise="1"] .admonition-title .done-tick').count(),
        "listed": page.locator(".exercise-list a[href$='#exercise-1'] + .done-tick").count(),
        "checkpoint": page.locator("form.predict .done-tick").count(),
        "tally": page.locator(".progress-tally").text_content(),
    }


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_ticks_for_an_exercise_passed_and_a_prediction_checked_survive_a_reload(browser, site_url, viewport):
    context = browser.new_context(viewport=chromium.VIEWPORTS[viewport])
    page = context.new_page()
    chromium.open_settled(page, site_url + LESSON.url)
    assert page.locator(".progress-tally").count() == 0  # nothing done, nothing more fetched

    box = exercise(page, 1)
    set_editor_text(page, box.locator(".runner-editor"), SOLUTION)
    assert check(page, box).startswith("PASS")
    form = near(page.locator("form.predict").first)
    form.get_by_role("button", name="Run it to check my guess").wait_for()
    form.locator("input[type=radio]").first.check()
    form.get_by_role("button", name="Run it to check my guess").click()
    page.wait_for_function(RESULT_SAID, arg=form.element_handle(), timeout=120_000)

    broke = []
    page.on("pageerror", lambda error: broke.append(str(error)))
    page.on("console", lambda message: message.type == "error" and broke.append(message.text))
    page.reload()
    chromium.open_settled(page, page.url)
    tally = page.locator(".progress-tally")
    try:
        tally.wait_for(timeout=60_000)
    except PlaywrightTimeout:
        kept = page.evaluate("() => Object.keys(localStorage)")
        pytest.fail(f"no tally after a reload of {page.url}; kept: {kept}; errors: {broke}")
    seen = ticks(page)
    chromium.open_settled(page, site_url + LESSON.module + "/")  # the module's list of lessons
    listed = page.locator(f".lesson-table a[href$='{LESSON.slug}/'] ~ .done-tick")
    listed.wait_for(timeout=10_000)
    on_the_module_page = listed.text_content()
    context.close()
    assert on_the_module_page == "✓ 1 passed, 1 predicted", on_the_module_page
    assert (seen["exercise"], seen["listed"], seen["checkpoint"]) == (1, 1, 1), seen
    assert seen["tally"].startswith("Done in this browser: 1 of "), seen
    assert "exercises passed, 1 of " in seen["tally"], seen
