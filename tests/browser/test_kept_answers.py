"""A learner's answers to exercises are never lost without a word
(docs/assets/runner/answer-store.js, issue 21): with the browser's storage
full or turned off the exercise says its code is not saved, and the download
still holds what the editor shows; with the exercise open in two tabs, the
older tab never overwrites what the newer one kept."""

from course import lessons
from tests.support import browser as chromium
from tests.support.page_runner import edit_snippet, editor_text, exercise, near, set_editor_text

LESSON = lessons.discover()[0]
NOT_KEPT = "Your code is not being saved in this browser"
# Storage that refuses new answers while window.storageFull is set, as a full one does.
FULL_WHEN_ASKED = """const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.storageFull && key.includes(':exercise-')) throw new DOMException('full', 'QuotaExceededError');
  return setItem.call(this, key, value);
};"""
BLOCKED = """Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The user denied storage', 'SecurityError'); } });"""


def new_page(context, url):
    page = context.new_page()
    chromium.open_settled(page, url)
    return page


def test_storage_full_keeps_the_last_answer_and_says_the_new_one_is_not_saved(browser, site_url):
    context = browser.new_context(viewport=chromium.VIEWPORTS["phone"])
    context.add_init_script(FULL_WHEN_ASKED)
    page = new_page(context, site_url + LESSON.url)
    box = exercise(page, 1)
    set_editor_text(page, box.locator(".runner-editor"), "kept = 1\n")
    assert not box.locator(".exercise-notice").is_visible()
    page.evaluate("window.storageFull = true")
    page.keyboard.insert_text("not_kept = 2\n")
    notice = box.locator(".exercise-notice")
    notice.wait_for()
    said = notice.text_content()
    page.reload()
    kept = editor_text(exercise(page, 1).locator(".runner-editor"))
    context.close()
    assert said.startswith(NOT_KEPT), said
    assert kept == "kept = 1\n", f"after a reload the editor shows {kept!r}: the answer kept before storage filled"


def test_storage_turned_off_says_so_and_the_download_holds_the_editors_code(browser, site_url, tmp_path):
    context = browser.new_context(viewport=chromium.VIEWPORTS["phone"])
    context.add_init_script(BLOCKED)
    page = new_page(context, site_url + LESSON.url)
    box = exercise(page, 1)
    set_editor_text(page, box.locator(".runner-editor"), "answer_on_screen = 1\n")
    box.locator(".exercise-notice").wait_for()
    said = box.locator(".exercise-notice").text_content()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download your answers (answers.py)").click()
    download.value.save_as(tmp_path / "answers.py")
    context.close()
    assert said.startswith(NOT_KEPT), said
    assert "answer_on_screen = 1" in (tmp_path / "answers.py").read_text(encoding="utf-8")


def test_an_older_tab_takes_up_the_newer_answer_and_never_overwrites_it(browser, site_url):
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    older = new_page(context, site_url + LESSON.url)
    newer = new_page(context, site_url + LESSON.url)
    older_editor = exercise(older, 1).locator(".runner-editor")
    set_editor_text(newer, exercise(newer, 1).locator(".runner-editor"), "written_in_the_newer_tab = 1\n")
    older.wait_for_function(  # the storage event reaches the older tab
        "el => el.textContent.includes('written_in_the_newer_tab')", arg=older_editor.element_handle()
    )
    older_editor.locator(".cm-content").click()
    older.keyboard.press("Control+End")
    older.keyboard.insert_text("and_then_the_older = 2\n")
    # The editor applies typing in its next frame: wait until both lines are kept.
    older.wait_for_function(
        """expected => Object.entries(localStorage)
            .some(([key, value]) => key.includes(':exercise-1') && JSON.parse(value).code === expected)""",
        arg="written_in_the_newer_tab = 1\nand_then_the_older = 2\n",
        timeout=5_000,
    )
    context.close()


def test_an_edited_snippet_is_kept_across_pages_until_reset(browser, site_url):
    """A learner who edits a lesson's snippet and leaves the page finds the
    edit again, and is told so before opening the editor."""
    context = browser.new_context(viewport=chromium.VIEWPORTS["phone"])
    page = new_page(context, site_url + LESSON.url)
    box = near(page.locator(".runnable:not([data-native-only])").first)
    edit_snippet(page, box, "print('mine')\n")
    page.goto(site_url)  # away, then back, as a reader following links would
    chromium.open_settled(page, site_url + LESSON.url)
    box = near(page.locator(".runnable:not([data-native-only])").first)
    note = box.get_by_text("Your edited version is kept in this browser: Edit shows it.")
    note.wait_for()
    box.get_by_role("button", name="Edit").click()
    editor = box.locator(".runner-editor")
    editor.locator(".cm-content").wait_for()
    assert editor_text(editor).strip() == "print('mine')" and note.count() == 0
    box.get_by_role("button", name="Reset").click()  # the page's code again: nothing kept
    chromium.open_settled(page, site_url + LESSON.url)
    box = near(page.locator(".runnable:not([data-native-only])").first)
    box.get_by_role("button", name="Edit").wait_for()
    assert box.locator(".runner-hint").count() == 0
    context.close()
