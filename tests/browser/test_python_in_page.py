"""Python in the page, used as a learner would: Run every snippet, check
exercises with good and broken code, predict then run, download the answers,
and keep working offline. Python comes from the site itself, in a worker."""

import gzip
import subprocess
import sys

import pytest

from course import exercises, lessons, snippets
from course import markdown as course_markdown
from tests.support import browser as chromium
from tests.support.page_runner import (
    DONE,
    check,
    edit_snippet,
    editor_text,
    exercise,
    near,
    open_lesson,
    run_snippet,
    set_editor_text,
    status_of,
)
from tests.support.server import serving

LESSONS = lessons.discover()
RUNTIME_SERIES = "3.14"  # what node_modules/pyodide runs; course/runtime.py reads it
CHECK_LIMIT_S = 10  # runner.js


def test_nothing_of_python_loads_before_the_first_run(browser, site_url, built_site):
    site, _ = built_site
    context = browser.new_context(viewport=chromium.VIEWPORTS["phone"])
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    for lesson in LESSONS:
        chromium.open_settled(page, site_url + lesson.url)
        page.mouse.wheel(0, 100_000)  # past every exercise: editors may load, Python may not
        page.wait_for_load_state("networkidle")  # whatever the scroll asked for has come
    context.close()
    assert not [url for url in requested if "/assets/runtime/" in url or "worker.js" in url]
    startup = (site / "assets/runner/runner.js").read_bytes()
    assert len(gzip.compress(startup)) <= 10 * 1024, "runner.js must stay within 10 KB gzip"


def test_errors_read_as_on_a_computer_and_browser_limits_are_explained(browser, site_url):
    context, page = open_lesson(browser, site_url, LESSONS[0])
    box = near(page.locator(".runnable:not([data-native-only])").first)
    editor = edit_snippet(page, box, "def half(x):\n    return 1 / x\n\nhalf(0)\n")
    printed, status = run_snippet(page, box)
    assert "    return 1 / x\n" in printed and "ZeroDivisionError" in printed, printed  # the line, quoted
    assert "driver.py" not in printed and status.startswith("It raised an exception: the traceback")
    set_editor_text(page, editor, "name = input('Your name? ')\n")
    printed, status = run_snippet(page, box)
    assert "EOFError" in printed and "cannot read input()" in status, status
    context.close()


def test_stop_stops_only_its_own_block(browser, site_url):
    context, page = open_lesson(browser, site_url, LESSONS[0])
    runnable = page.locator(".runnable:not([data-native-only])")
    first, second = runnable.nth(0), runnable.nth(1)
    near(second), near(first)  # both get their controls
    edit_snippet(page, first, "print('looping')\nwhile True:\n    pass\n")
    first.get_by_role("button", name="Run", exact=True).click()
    page.wait_for_function(
        "b => b.querySelector('.run-panel__output').textContent.includes('looping')",
        arg=first.element_handle(),
        timeout=60_000,
    )
    second.get_by_role("button", name="Run", exact=True).click()  # waits for the loop to finish
    second.get_by_role("button", name="Stop").click()
    page.wait_for_function(
        "b => b.querySelector('.run-panel__status').textContent.startsWith('Stopped')",
        arg=second.element_handle(),
        timeout=2_000,
    )
    assert status_of(first).text_content() == "Running…"  # the other block's run goes on
    first.get_by_role("button", name="Stop").click()
    page.wait_for_function(
        "b => b.querySelector('.run-panel__status').textContent.startsWith('Stopped')",
        arg=first.element_handle(),
        timeout=2_000,
    )
    assert run_snippet(page, second)[1].startswith(DONE)
    context.close()


def test_edit_stop_and_time_limit_keep_the_page_responsive(browser, site_url):
    lesson = LESSONS[0]
    context, page = open_lesson(browser, site_url, lesson)
    box = near(page.locator(".runnable:not([data-native-only])").first)
    editor = edit_snippet(page, box, "print('before')\nwhile True:\n    pass\n")
    # One box: the editor takes the code's place (Material's style for <pre> must not outrank [hidden]).
    code = box.locator(".highlight").first.locator("pre")
    assert code.evaluate("pre => getComputedStyle(pre).display") == "none"
    assert editor.is_visible()
    box.get_by_role("button", name="Run", exact=True).click()
    page.wait_for_function(
        "box => box.querySelector('.run-panel__output').textContent.includes('before')",
        arg=box.element_handle(),
        timeout=60_000,
    )
    assert page.evaluate("() => 6 * 7") == 42  # the page answers while Python loops in its worker
    box.get_by_role("button", name="Stop").click()
    page.wait_for_function(
        "box => box.querySelector('.run-panel__status').textContent.startsWith('Stopped')",
        arg=box.element_handle(),
        timeout=2_000,
    )
    set_editor_text(page, editor, "print(6 * 7)\n")
    printed, status = run_snippet(page, box)
    assert printed.strip() == "42" and status.startswith(DONE) and "edited code" in status
    box.get_by_role("button", name="Reset").click()
    original = lesson.snippets / (box.get_attribute("data-snippet") + ".py")
    assert editor_text(editor) == original.read_text(encoding="utf-8")
    box.get_by_role("button", name="Undo reset").click()  # a phone has no Ctrl+Z
    assert editor_text(editor) == "print(6 * 7)\n"
    context.close()


# Exercise 3 of "Names, Identity and Copies" returns a letter; each case breaks it one way.
BROKEN = {
    "syntax error": ("def identity_quiz(:\n    return 'b'\n", "FAIL  3. why `is` surprises: syntax error on line 1:"),
    "exception": (
        "def identity_quiz():\n    return 1 / 0\n",
        "FAIL  3. why `is` surprises: raised ZeroDivisionError: division by zero (line 2)",
    ),
    "wrong answer": (
        "def identity_quiz():\n    return 'a'\n",
        'FAIL  3. why `is` surprises: "a" is not it. Hint: which ints does CPython keep one shared object for?',
    ),
    "wrong type": (
        "def identity_quiz():\n    return 2\n",
        'FAIL  3. why `is` surprises: should return one of "a", "b", "c" or "d", but returned a int',
    ),
    "endless loop": (
        "def identity_quiz():\n    while True:\n        pass\n",
        f"FAIL  3. why `is` surprises: still running after {CHECK_LIMIT_S} s: is there an endless loop?",
    ),
}
MEMORY = next(lesson for lesson in LESSONS if lesson.slug == "names-and-objects")


def test_an_exercise_shows_nothing_it_has_hidden(browser, site_url):
    # Material styles every <pre>, which outranks the browser's [hidden]: the
    # empty box for what a check prints showed as a dashed frame.
    context, page = open_lesson(browser, site_url, MEMORY)
    box = exercise(page, 3)
    drawn = box.evaluate(
        "b => [...b.querySelectorAll('[hidden]')].filter(e => e.getClientRects().length).map(e => e.className)"
    )
    context.close()
    assert not drawn, f"hidden, yet drawn on the page: {drawn}"


def test_broken_exercise_code_gets_a_one_line_report(browser, site_url):
    context, page = open_lesson(browser, site_url, MEMORY)
    box = exercise(page, 3)
    editor = box.locator(".runner-editor")
    for case, (code, expected) in BROKEN.items():
        set_editor_text(page, editor, code)
        report = check(page, box)
        assert report.startswith(expected), f"{case}: {report}"
        assert "\n" not in report.strip() and "Traceback" not in report, f"{case}: {report}"
    set_editor_text(page, editor, "def identity_quiz():\n    while True:\n        pass\n")
    box.get_by_role("button", name="Check").click()
    # Kept as a time: the check must be running, not waiting, when Stop is
    # pressed, and a running check shows nothing a test could wait on.
    page.wait_for_timeout(1_500)
    box.get_by_role("button", name="Stop").click()
    page.wait_for_function(
        "box => box.querySelector('.exercise-result').textContent.startsWith('Stopped')",
        arg=box.element_handle(),
        timeout=2_000,
    )
    set_editor_text(page, editor, "def identity_quiz():\n    print('thinking')\n    return 'b'\n")
    assert check(page, box) == "PASS  3. why `is` surprises"
    assert box.locator(".exercise-printed").text_content() == "Your code printed:\nthinking\n"
    context.close()


def test_code_is_kept_across_reloads_until_reset(browser, site_url):
    context, page = open_lesson(browser, site_url, MEMORY)
    box = exercise(page, 2)
    editor = box.locator(".runner-editor")
    starter = editor_text(editor)
    set_editor_text(page, editor, "def clone_settings(settings):\n    return 'mine'\n")
    page.reload(wait_until="networkidle")
    box = exercise(page, 2)
    editor = box.locator(".runner-editor")
    assert editor_text(editor) == "def clone_settings(settings):\n    return 'mine'\n"
    box.get_by_role("button", name="Reset").click()
    assert editor_text(editor) == starter
    box.get_by_role("button", name="Undo reset").click()  # a visible undo: a phone has no Ctrl+Z
    assert editor_text(editor) == "def clone_settings(settings):\n    return 'mine'\n"
    assert box.locator(".exercise-result").text_content() == "Your code is back."
    box.get_by_role("button", name="Reset").click()
    assert editor_text(editor) == starter
    page.reload(wait_until="networkidle")
    assert editor_text(exercise(page, 2).locator(".runner-editor")) == starter
    context.close()


def solved_code(lesson):
    """Each exercise's code in solutions.py, as a learner would type it in its editor."""
    return exercises.code_by_number(lesson.try_it / "solutions.py")


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_the_lesson_works_in_the_page(browser, site_url, lesson, tmp_path):
    """A learner's whole visit, on one Python start (each start costs seconds):
    every snippet runs, every checkpoint is answered, every exercise checked."""
    context, page = open_lesson(browser, site_url, lesson, accept_downloads=True)
    elsewhere = []
    page.on("request", lambda r: r.url.startswith((site_url, "blob:", "data:")) or elsewhere.append(r.url))
    every_runnable_snippet_prints_its_recorded_output(page, lesson)
    predict_then_run_explains_with_the_readers_own_run(page, lesson)
    answers = solutions_pass_in_the_page(page, lesson, tmp_path)
    context.close()
    assert not elsewhere, elsewhere
    checked = subprocess.run(
        [sys.executable, str(lesson.try_it / "exercises.py"), str(answers)], capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0, "the downloaded answers fail at home:\n" + checked.stdout + checked.stderr


def every_runnable_snippet_prints_its_recorded_output(page, lesson):
    boxes = page.locator(".runnable:not([data-native-only])")
    for index in range(boxes.count()):
        box = near(boxes.nth(index))
        name = box.get_attribute("data-snippet")
        printed, status = run_snippet(page, box)
        stored = snippets.find(f"{lesson}/{name}.py").outputs()[RUNTIME_SERIES]
        assert snippets.normalize(printed) == snippets.normalize(stored), f"{lesson}: {name} printed\n{printed}"
        assert status.startswith(f"Done. Matches the {RUNTIME_SERIES} output"), f"{name}: {status}"
        assert "CPython 3.14.2, WebAssembly, in this browser" in box.locator(".run-panel__label").text_content()
    native = page.locator(".runnable[data-native-only]")
    for index in range(native.count()):
        box = near(native.nth(index))
        assert box.get_by_role("button", name="Run", exact=True).count() == 0
        assert "needs native CPython" in box.locator(".runner-native").text_content()


def predict_then_run_explains_with_the_readers_own_run(page, lesson):
    forms = page.locator("form.predict")
    placed = [d.predict for d in course_markdown.directives(lesson.page.read_text(encoding="utf-8")) if d.predict]
    assert forms.count() == len(placed) > 0, f"{lesson}: {forms.count()} forms for checkpoints {placed}"
    for index in range(forms.count()):
        form = near(forms.nth(index))
        answer = form.get_attribute("data-answer")
        values = form.locator("input").evaluate_all("els => els.map(e => e.value)")
        wrong = next(v for v in values if v != answer)
        for pick, verdict in ((wrong, "Not quite"), (answer, "Right")):
            form.locator("input").nth(values.index(pick)).check()  # a choice may hold quotes
            form.get_by_role("button", name="Run it to check my guess").click()
            page.wait_for_function(
                "f => f.querySelector('.predict__result').textContent.includes('printed')",
                arg=form.element_handle(),
                timeout=60_000,
            )
            result = form.locator(".predict__result").text_content()
            assert result.startswith(f"{verdict}: it printed {answer}."), result
            page.evaluate("f => f.querySelector('.predict__result').textContent = ''", form.element_handle())


def solutions_pass_in_the_page(page, lesson, tmp_path):
    """Each solution, typed in its editor, passes; returns the downloaded answers.py."""
    for number, code in solved_code(lesson).items():
        box = exercise(page, number)
        set_editor_text(page, box.locator(".runner-editor"), code)
        if box.get_attribute("data-native-only") is None:
            assert check(page, box).startswith(f"PASS  {number}."), number
    with page.expect_download() as download:
        page.get_by_role("button", name="Download your answers (answers.py)").click()
    answers = tmp_path / "answers.py"
    download.value.save_as(answers)
    return answers


def kept_for_offline(lesson):
    """What the page asks the service worker to keep after the first Run
    (runner.js, keepForOffline) for `lesson`'s page."""
    runner = [f"assets/runner/{name}.js" for name in ("editor", "python-pool", "answer-store", "progress", "quiz")]
    answers = [f"assets/try-it/{lesson.url}{name}" for name in ("answers.json", "outputs.json", "exercises.py")]
    return [*runner, *answers, f"assets/try-it/{lesson.module}/exercise_checker.py"]


def test_runs_offline_after_one_visit_and_one_run(browser, built_site):
    site, _ = built_site
    lesson = LESSONS[0]
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    with serving(site) as url:
        chromium.open_settled(page, url + lesson.url)
        page.wait_for_function(chromium.CONTROLLED, timeout=10_000)
        box = near(page.locator(".runnable:not([data-native-only])").first)
        assert run_snippet(page, box)[1].startswith(DONE)
        chromium.wait_until_kept(page, kept_for_offline(lesson))
    # The server is gone: only the service worker's cache can answer now.
    page.reload(wait_until="load")
    box = near(page.locator(".runnable:not([data-native-only])").first)
    printed, status = run_snippet(page, box)
    assert status.startswith(DONE), status
    exercise_box = exercise(page, 1)  # the editor and the checks were kept too
    assert check(page, exercise_box).startswith("FAIL  1.")
    context.close()


def test_controls_follow_instant_navigation_and_stay_off_the_print_page(browser, built_site):
    # Material navigates instantly only to addresses in its sitemap, which a
    # local build writes for http://127.0.0.1:8000/ (mkdocs.yml): serve it there.
    site, _ = built_site
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    with serving(site, port=8000) as url:
        chromium.open_settled(page, url + "cs-fundamentals/")
        page.evaluate("window.stillThisDocument = true")
        page.locator(f"article a[href*='{LESSONS[1].slug}']").first.click()
        page.wait_for_function("slug => location.pathname.includes(slug)", arg=LESSONS[1].slug)
        near(page.locator(".runnable:not([data-native-only])").first)
        page.wait_for_selector(".runnable .runner-toolbar", timeout=10_000)
        assert page.evaluate("window.stillThisDocument === true"), "the page was loaded anew, not swapped in"
        chromium.open_settled(page, url + "print_page/")
        assert page.locator(".runner-toolbar, .run-panel, .cm-editor").count() == 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_run_panels_editors_and_checkpoints_in_use(browser, site_url, scheme):
    context, page = open_lesson(browser, site_url, MEMORY, color_scheme=scheme)
    box = near(page.locator(".runnable:not([data-native-only])").first)
    run_snippet(page, box)
    box.get_by_role("button", name="Edit").click()
    box.locator(".cm-editor").wait_for()
    form = near(page.locator("form.predict").first)
    form.locator("input").first.check()
    form.get_by_role("button", name="Run it to check my guess").click()
    page.wait_for_function(
        "f => f.querySelector('.predict__result').textContent.includes('printed')",
        arg=form.element_handle(),
        timeout=60_000,
    )
    for number in (1, 3):
        check(page, exercise(page, number))
    violations = chromium.run_axe(page)
    context.close()
    assert not violations, violations


def test_keyboard_runs_a_snippet_and_leaves_an_editor(browser, site_url):
    context, page = open_lesson(browser, site_url, MEMORY)
    box = exercise(page, 1)
    box.locator(".cm-content").focus()
    page.keyboard.press("Tab")  # Tab indents inside the editor...
    assert page.evaluate("() => document.activeElement.classList.contains('cm-content')")
    page.keyboard.press("Escape")  # ...and Escape, then Tab, moves on, as the hint says
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Check"
    assert "press Esc, then Tab" in box.locator(".runner-hint").text_content()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "b => /^(PASS|FAIL)/.test(b.querySelector('.exercise-result').textContent)",
        arg=box.element_handle(),
        timeout=60_000,
    )
    snippet = near(page.locator(".runnable:not([data-native-only])").first)
    snippet.get_by_role("button", name="Run", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "b => b.querySelector('.run-panel__status').textContent.startsWith('Done')",
        arg=snippet.element_handle(),
        timeout=60_000,
    )
    assert snippet.locator("[role=status]").count() == 1
    context.close()
