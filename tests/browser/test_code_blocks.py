"""Code blocks are rendered lazily (theme/hooks/code_rendering.py, content.lazy),
and a reader sees no difference: nothing jumps, and copy buttons work."""

import pytest

from course import lessons
from tests.support import browser as chromium

LESSONS = [lesson.url for lesson in lessons.discover()]
LONGEST = chromium.longest_lesson()

# Height of every code block, whether it lies more than three screens down, and
# whether the browser skipped rendering its highlighted code (null: plain text).
HEIGHTS = """() => [...document.querySelectorAll('.md-typeset pre > code')].map(code => [
  code.offsetHeight, code.getBoundingClientRect().top > 3 * innerHeight,
  code.firstElementChild && !code.firstElementChild.checkVisibility({contentVisibilityAuto: true})])"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", LESSONS)
def test_an_unrendered_code_block_already_has_its_real_height(browser, site_url, path, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    chromium.open_settled(page, site_url + path)
    reserved = page.evaluate(HEIGHTS)
    page.add_style_tag(content=chromium.RENDER_EVERYTHING)
    rendered = page.evaluate(HEIGHTS)
    page.close()
    far_down = [i for i, (_, below, _) in enumerate(reserved) if below]
    skipped = [reserved[i][2] for i in far_down if reserved[i][2] is not None]
    if path == LONGEST:
        assert len(far_down) > 10 and len(skipped) > 5, f"{path}, the longest lesson: expected code far down the page"
    assert all(skipped), f"{path}: code far below the first screen was rendered at load: {skipped}"
    wrong = {i: (reserved[i][0], rendered[i][0]) for i in far_down if reserved[i][0] != rendered[i][0]}
    assert not wrong, f"{path}: code block heights (reserved, rendered) differ: {wrong}"


@pytest.mark.parametrize("path", LESSONS)
def test_copy_button_of_the_last_solution_copies_its_code(browser, site_url, path):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    chromium.open_settled(page, site_url + path)
    solution = page.locator(".exercise details").last  # collapsed, in the last exercise
    solution.scroll_into_view_if_needed()
    # The exercise sets up its editor as it comes into view (runner.js); let
    # that settle, so the button is not moving when it is clicked.
    solution.locator("xpath=ancestor::div[contains(@class, 'exercise')]").locator(".cm-editor").wait_for()
    solution.locator("summary").click()
    block = solution.locator("pre").first
    block.locator("button[data-md-type=copy]").click(timeout=5000)  # Material mounts it once in view
    copied = page.evaluate("navigator.clipboard.readText()")
    expected = block.locator("code").inner_text()
    context.close()
    assert copied.strip() and copied.strip() == expected.strip()


# Code blocks wider than their column, and those of them a keyboard cannot reach.
UNREACHABLE = """() => {
  const wide = [...document.querySelectorAll('.md-typeset pre > code')]
    .filter(code => code.offsetParent && code.scrollWidth > code.clientWidth);
  return [wide.length, wide.filter(code => code.tabIndex < 0).map(code => code.textContent.slice(0, 60))];
}"""


@pytest.mark.parametrize("path", LESSONS)
def test_every_code_block_wider_than_a_small_screen_scrolls_from_the_keyboard(browser, site_url, path):
    page = browser.new_page(viewport={"width": 320, "height": 640})  # WCAG reflow width
    chromium.open_settled(page, site_url + path)
    page.add_style_tag(content=chromium.RENDER_EVERYTHING)
    wide, unreachable = page.evaluate(UNREACHABLE)
    page.close()
    if path == LONGEST:
        # Code wraps (code_rendering.py); outputs keep their columns and scroll.
        assert wide > 2, f"{path}, the longest lesson: expected outputs wider than a 320 px screen"
    assert not unreachable, f"{path}: wide code blocks without tabindex: {unreachable}"


# An element's height once it has stayed the same for three frames in a row.
SETTLED_HEIGHT = """element => new Promise(settled => {
  let last = -1, same = 0;
  const look = () => {
    const height = element.getBoundingClientRect().height;
    same = height === last ? same + 1 : 0;
    last = height;
    if (same >= 3) settled(height); else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})"""


@pytest.mark.parametrize("path", LESSONS)
def test_focus_inside_an_exercise_moves_nothing(browser, site_url, path):
    """A block out of view is laid out contained, and focus inside lifts the
    containment (offscreen.css); its layout must not change then, or a tap
    moves what is being tapped (a solution's summary at a page's end missed)."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    chromium.open_settled(page, site_url + path)
    exercises = page.locator(".md-typeset > .exercise")
    count, moved = exercises.count(), {}
    for index in range(count):
        exercise = exercises.nth(index)
        exercise.scroll_into_view_if_needed()
        exercise.locator(".cm-editor").wait_for()  # runner.js sets the editor up in view
        before = exercise.evaluate(SETTLED_HEIGHT)  # the editor measures itself a frame or two later
        exercise.locator("summary").last.focus()
        after = exercise.evaluate("element => element.getBoundingClientRect().height")
        if abs(after - before) > 0.5:
            moved[index + 1] = (before, after)
    page.close()
    assert count, f"{path}: no exercise found (the lesson contract asks for one)"
    assert not moved, f"{path}: exercises whose height changed when their solution took focus: {moved}"


# What a runnable block's copy button overlaps: the first line of code, or a control.
COPY_BUTTON_OVERLAPS = """box => {
  const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const copy = box.querySelector('button[data-md-type=copy]').getBoundingClientRect();
  const code = document.createRange();
  code.selectNodeContents(box.querySelector('.highlight code'));
  const firstLine = code.getClientRects()[0];
  const controls = [...box.querySelectorAll('.runner-toolbar button:not([hidden])')];
  return [
    ...(meets(copy, firstLine) ? ['the first line of code'] : []),
    ...controls.filter(b => meets(copy, b.getBoundingClientRect())).map(b => b.textContent),
  ];
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_copy_button_covers_no_code_and_no_control(browser, site_url, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    chromium.open_settled(page, site_url + LONGEST)
    boxes = page.locator(".runnable:not([data-native-only])")
    assert boxes.count() >= 3, f"{LONGEST}: {boxes.count()} runnable blocks"
    covered = {}
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.scroll_into_view_if_needed()
        box.locator("button[data-md-type=copy]").wait_for(state="attached")  # Material mounts it once in view
        box.get_by_role("button", name="Run", exact=True).wait_for()  # runner.js adds the controls then too
        over = box.evaluate(COPY_BUTTON_OVERLAPS)
        if over:
            covered[box.get_attribute("data-snippet")] = over
    page.close()
    assert not covered, f"the copy button covers: {covered}"
