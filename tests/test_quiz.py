"""The closing quiz's file (course/quiz.py): answers read from recorded outputs,
and bad input refused with the file, the question and the fix."""

import pytest

from course import quiz
from course.errors import CourseError
from course.snippets import VERSIONS

LESSON = "m/lesson"
QUESTION = """- question: "What does `len(\\"abc\\")` give?"
  snippet: shown.py
  line: "length:"
  choices: ["2", "3"]
  why: "Three characters."
  section: first
"""


@pytest.fixture
def project(tmp_path):
    """A lesson with one snippet, recorded on every build, and a page with one section."""
    docs, snippets = tmp_path / "docs", tmp_path / "snippets"
    (docs / LESSON).mkdir(parents=True)
    (docs / LESSON / "index.md").write_text("# Lesson { #lesson }\n\n## First { #first }\n", encoding="utf-8")
    (snippets / LESSON).mkdir(parents=True)
    (snippets / LESSON / "shown.py").write_text('print("length:", len("abc"))\n', encoding="utf-8")
    for version in VERSIONS:
        output = snippets / LESSON / "output" / "shown" / f"{version}.txt"
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("length: 3\n", encoding="utf-8")
    return docs, snippets


def write_quiz(docs, text):
    (docs / LESSON / quiz.FILE_NAME).write_text(text, encoding="utf-8")


def test_each_answer_is_read_from_the_recorded_output(project):
    docs, snippets = project
    write_quiz(docs, QUESTION * 5)
    answered = quiz.answers(LESSON, docs, snippets)
    assert [answer for _, answer in answered] == ["3"] * 5
    form = quiz.render(LESSON, docs, snippets)
    assert form.count('data-answer="3"') == 5 and '<a href="#first">Read it again</a>' in form


def test_an_answer_that_differs_between_builds_is_refused_naming_them(project):
    docs, snippets = project
    write_quiz(docs, QUESTION * 5)
    (snippets / LESSON / "output" / "shown" / f"{VERSIONS[-1]}.txt").write_text("length: 2\n", encoding="utf-8")
    with pytest.raises(
        CourseError, match=rf"quiz.yml: question 1: shown.py's recorded outputs .*'{VERSIONS[-1]}': '2'"
    ):
        quiz.answers(LESSON, docs, snippets)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (QUESTION * 4, "4 questions; a lesson's quiz has at least 5"),
        (QUESTION.replace('  why: "Three characters."\n', "") * 5, "question 1 lacks 'why'"),
        (QUESTION.replace("section: first", "section: second") * 5, "question 1 names section 'second'"),
        (QUESTION.replace('choices: ["2", "3"]', 'choices: ["2", "4"]') * 5, "question 1: shown.py's recorded outputs"),
        ("question: one\n", "expected a list of questions"),
    ],
    ids=["too few", "no why", "unknown section", "no choice matches", "not a list"],
)
def test_a_bad_quiz_fails_the_build_naming_the_file_and_question(project, text, said):
    docs, snippets = project
    write_quiz(docs, text)
    with pytest.raises(CourseError, match="quiz.yml") as error:
        quiz.render(LESSON, docs, snippets)
    assert said in str(error.value)


def test_a_missing_quiz_says_what_a_lesson_needs(project):
    docs, snippets = project
    with pytest.raises(CourseError, match="quiz.yml is missing: a lesson ends with a quiz of at least 5 questions"):
        quiz.render(LESSON, docs, snippets)
