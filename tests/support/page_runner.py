"""Using the in-page runner as a learner does: open a lesson, Run, Edit,
Check (docs/assets/runner/runner.js). Shared by the browser tests."""

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support import browser as chromium

DONE = "Done"
# How a run's status line starts once the run has ended, however it ended.
ENDED = "^(Done|Stopped|It raised|It ended|Python could|Python crashed|Python ended)"


# From now on: every main-thread task over 50 ms, as the browser reports them;
# the frames drawn; and how many times output was added to the block.
WATCH_THE_PAGE = """box => {
  window.watched = {longTasks: [], frames: 0, appends: 0};
  new PerformanceObserver(list => window.watched.longTasks.push(...list.getEntries().map(task => task.duration)))
    .observe({type: 'longtask'});
  const countFrames = () => { window.watched.frames += 1; requestAnimationFrame(countFrames); };
  requestAnimationFrame(countFrames);
  new MutationObserver(changes => { window.watched.appends += changes.length; })
    .observe(box.querySelector('.run-panel__output'), {childList: true});
}"""


def open_lesson(browser, site_url, lesson, **context_options):
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"], **context_options)
    page = context.new_page()
    chromium.open_settled(page, site_url + lesson.url)
    return context, page


def near(box):
    """Controls are added as a block comes near the screen (runner.js): go there."""
    box.scroll_into_view_if_needed()
    return box


def status_of(box):
    return box.locator(".run-panel__status")


def run_snippet(page, box, timeout_s=120):
    run = box.get_by_role("button", name="Run", exact=True)
    run.click()
    try:  # a run says so at once (runner.js)
        page.wait_for_function(
            "box => box.querySelector('.run-panel__status').textContent", arg=box.element_handle(), timeout=10_000
        )
    except PlaywrightTimeout:
        # On a loaded machine a block nearby can render between Playwright's
        # check of what is under the pointer and the press, moving the button
        # away (a CI run once timed out here, most likely so): press it
        # again, as a reader would.
        run.click()
    page.wait_for_function(
        f"box => /{ENDED}/.test(box.querySelector('.run-panel__status').textContent)",
        arg=box.element_handle(),
        timeout=timeout_s * 1000,
    )
    return box.locator(".run-panel__output").text_content(), status_of(box).text_content()


def set_editor_text(page, editor, text):
    editor.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


def edit_snippet(page, box, code):
    """Press Edit on a snippet and put `code` in its editor; returns the editor."""
    box.get_by_role("button", name="Edit").click()
    editor = box.locator(".runner-editor")
    editor.locator(".cm-content").wait_for()
    set_editor_text(page, editor, code)
    return editor


def editor_text(editor):
    return "\n".join(editor.locator(".cm-line").all_text_contents())


def exercise(page, number):
    box = page.locator(f'.exercise[data-exercise="{number}"]')
    box.scroll_into_view_if_needed()
    box.locator(".cm-editor").wait_for(timeout=20_000)
    return box


def check(page, box, timeout_s=120):
    box.get_by_role("button", name="Check").click()
    page.wait_for_function(
        "box => /^(PASS|FAIL)|^Stopped/.test(box.querySelector('.exercise-result').textContent)",
        arg=box.element_handle(),
        timeout=timeout_s * 1000,
    )
    return box.locator(".exercise-result").text_content()


def longest_task_ms(browser, site_url, lesson, code):
    """The longest main-thread task while a run of `code` prints, in ms (0 when
    none took over 50 ms): a figure for the benchmark, as it swings with load."""
    context, page = open_lesson(browser, site_url, lesson)
    box = near(page.locator(".runnable:not([data-native-only])").first)
    editor = edit_snippet(page, box, "print('ready')\n")
    run_snippet(page, box)
    set_editor_text(page, editor, code)
    page.evaluate(WATCH_THE_PAGE, box.element_handle())
    run_snippet(page, box)
    longest = max(page.evaluate("window.watched.longTasks"), default=0)
    context.close()
    return longest
