"""The answer key holds every exercise's solution and every question's answer;
a build with HIDE_SOLUTIONS shows no solution and no key."""

import html
import re

from course import answer_key, assessment, lessons
from hooks import exercises as exercises_hook


def text_of(page):
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_the_answer_key_holds_every_solution_and_every_answer(built_site):
    site, _ = built_site
    key = text_of((site / "answer-key/index.html").read_text(encoding="utf-8"))
    series = assessment.in_page_series()
    for lesson in lessons.discover():
        solved = (lesson.try_it / "solutions.py").read_text(encoding="utf-8")
        for drill in assessment.lesson_exercises(str(lesson)):
            assert f"Exercise {drill.number}: {drill.title.replace('`', '')}" in key
            for section in drill.solutions:
                body = solved.split(f"# --8<-- [start:{section}]\n", 1)[1].split(f"# --8<-- [end:{section}]", 1)[0]
                for line in body.strip().splitlines():
                    assert line.strip() in key, f"{lesson}: solution {section} lacks {line!r}"
        for question in assessment.questions(str(lesson), series):
            why = question.why.replace("`", "")
            assert f"Answer: {question.answer}. {why}" in key, f"{lesson}: {question.ident}"


def test_the_key_is_not_searchable_nor_printed_with_the_module(built_site):
    site, _ = built_site
    assert "answer-key/" not in (site / "search/search_index.json").read_text(encoding="utf-8")
    assert 'id="answer-key"' not in (site / "print_page/index.html").read_text(encoding="utf-8")


def test_hidden_solutions_leave_exercises_without_them_and_no_key(monkeypatch):
    exercise = {"number": 1, "title": "t", "prompt": "p", "starter": "x = 1", "native_only": None, "solutions": ["s"]}
    assert "Solution 1" in exercises_hook.render_exercise(exercise, "m/l", [])
    monkeypatch.setenv("HIDE_SOLUTIONS", "1")
    rendered = exercises_hook.render_exercise(exercise, "m/l", [])
    assert "Solution 1" not in rendered and "solutions.py" not in rendered and "x = 1" in rendered
    assert "holds no answer key" in answer_key.render([{"title": "T"}])
