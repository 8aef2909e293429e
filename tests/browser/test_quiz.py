"""The closing quiz, as a learner takes it: pick, check, read why, and find the
result kept after a reload."""

from course import lessons
from tests.support import browser as chromium

WITH_QUIZ = [lesson for lesson in lessons.discover() if (lesson.page.parent / "quiz.yml").is_file()]


def test_checking_says_right_or_wrong_and_why_and_the_result_is_kept(browser, site_url):
    lesson = WITH_QUIZ[0]
    context = browser.new_context(viewport=chromium.VIEWPORTS["phone"])
    page = context.new_page()
    chromium.open_settled(page, site_url + lesson.url)
    quiz = page.locator("form.quiz")
    quiz.scroll_into_view_if_needed()
    check = quiz.get_by_role("button", name="Check my answers")
    check.wait_for()  # runner.js sets the quiz up as it nears the screen
    questions = quiz.locator("fieldset")
    total = questions.count()
    assert total >= 5
    # The first answered wrongly, the last left out, the rest right.
    for index in range(total - 1):
        question = questions.nth(index)
        answer = question.get_attribute("data-answer")
        values = question.locator("input").evaluate_all("inputs => inputs.map(input => input.value)")
        pick = next(value for value in values if value != answer) if index == 0 else answer
        question.locator("input").nth(values.index(pick)).check()
    check.click()
    verdicts = quiz.locator(".quiz__verdict").all_text_contents()
    assert verdicts[0] == f"Not quite: the answer is {questions.first.get_attribute('data-answer')}."
    assert verdicts[1:-1] == ["Right."] * (total - 2)
    assert verdicts[-1] == "Not answered yet."
    assert quiz.locator(".quiz__score").text_content() == f"{total - 2} of {total} right; 1 not answered yet."
    why = questions.first.locator(".quiz__why")
    assert why.is_visible() and why.get_by_role("link", name="Read it again").is_visible()
    assert questions.last.locator(".quiz__why").is_hidden()

    page.reload()
    chromium.open_settled(page, site_url + lesson.url)
    quiz.scroll_into_view_if_needed()
    quiz.get_by_role("button", name="Check my answers").wait_for()
    kept = f"In this browser you have answered {total - 2} of {total} right."
    page.wait_for_function("kept => document.querySelector('form.quiz .quiz__score').textContent === kept", arg=kept)
    tally = page.locator(".progress-tally")
    assert tally.text_content().endswith(f"{total - 2} of {total} quiz questions right.")
    context.close()
