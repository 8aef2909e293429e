"""The instructors' answer key: for every lesson, each exercise with its
solution (from the tested try-it/solutions.py) and each question that
assesses it (checkpoints, closing quiz, question bank) with its answer and
why. Markdown, placed on docs/answer-key.md by hooks/lessons.py, so it prints
like any page.

A build with HIDE_SOLUTIONS set (an instructor's graded copy) leaves every
solution out of the lessons (hooks/exercises.py), prints no key, and writes
no Common Cartridge, whose quizzes hold their answers (hooks/lessons.py).
"""

from __future__ import annotations

import os

from course.assessment import SOURCES, Exercise, Question

MARKER = "<!-- answer-key -->"


def solutions_hidden() -> bool:
    """The build option: HIDE_SOLUTIONS=1 (or true, yes) hides every solution."""
    return os.environ.get("HIDE_SOLUTIONS", "").strip().lower() in {"1", "true", "yes"}


def questions_anchor(slug: str) -> str:
    """The id of a lesson's questions in the key (the instructors' page links it)."""
    return f"answers-{slug}--questions"


def _exercise(lesson: str, slug: str, exercise: Exercise) -> str:
    code = "\n\n".join(
        f'```python\n--8<-- "{lesson}/try-it/solutions.py:{section}"\n```' for section in exercise.solutions
    )
    heading = f"#### Exercise {exercise.number}: {exercise.title} {{ #answers-{slug}--exercise-{exercise.number} }}"
    return f"{heading}\n\n{exercise.prompt}\n\n{code}\n"


def _question(number: int, question: Question) -> str:
    choices = ", ".join(f"`{choice}`" for choice in question.choices)
    return (
        f"{number}. {question.text} ({SOURCES[question.source].lower()}; choices: {choices})  \n"
        f"    **Answer:** `{question.answer}`. {question.why}"
    )


def render(lessons: list[dict]) -> str:
    """The key, a section per lesson. Each of `lessons` has: title, slug,
    lesson (`<module>/<lesson>`), link (to the lesson from the key's page),
    exercises and questions."""
    if solutions_hidden():
        return (
            "This copy of the course was built with its solutions hidden (`HIDE_SOLUTIONS`), "
            "so it holds no answer key: the key is on the public edition, or in a build "
            "without that option."
        )
    # Every id starts with the lesson's answers-<slug>: course/links.py lists them
    # with the lesson, so a new lesson changes no other lesson's links.
    parts = []
    for order, item in enumerate(lessons, start=1):
        slug = item["slug"]
        exercises = "\n".join(_exercise(item["lesson"], slug, exercise) for exercise in item["exercises"])
        questions = "\n".join(_question(n, q) for n, q in enumerate(item["questions"], start=1))
        parts.append(
            f"## {order}. {item['title']} {{ #answers-{slug} }}\n\n"
            f"[The lesson]({item['link']})\n\n"
            # Each heading's words its own: the contents' landmarks take their names (axe: landmark-unique).
            f"### Exercises of {item['title']} {{ #answers-{slug}--exercises }}\n\n{exercises}\n"
            f"### Questions on {item['title']} {{ #{questions_anchor(slug)} }}\n\n{questions}\n"
        )
    return "\n".join(parts)
