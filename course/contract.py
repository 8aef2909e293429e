"""The lesson contract: what every lesson has, counted from its own files.

The minimums are the course's promise to a learner ("every idea has something
to do"), not the size of today's lessons: a short lesson meets them. A test
(tests/test_lessons.py) holds every lesson in the nav to them; raise one here,
for every lesson, and say why.
"""

from __future__ import annotations

from course import checkpoints, exercises, lessons, quiz
from course import markdown as course_markdown

MINIMUMS = {
    "sections": 1,  # `## Title { #id }` sections of its own, besides "Further reading"
    "snippets": 1,  # code shown with ::snippet[...], each with Run or its native-only reason
    "exercises": 1,  # `# %% Exercise N: title` in try-it/answers.py, placed on the page
    "checkpoints": 1,  # predict-then-run questions, each named on a snippet with {predict=id}
    "quiz questions": quiz.MINIMUM,  # in quiz.yml, placed on the page with ::quiz[<module>/<lesson>]
    # Checkpoints, quiz and bank.yml together: an LMS quiz per lesson worth
    # giving (the Common Cartridges, course/cartridge.py).
    "questions": 10,
}
# Besides, every objective in the front matter is practised by an exercise or a
# checkpoint that names it (practice(), below): "every idea has something to do".


def counts(lesson: lessons.Lesson) -> dict[str, int]:
    page = lesson.page.read_text(encoding="utf-8")
    shown = course_markdown.directives(page)
    return {
        "sections": sum(1 for _, _, anchor in lessons.HEADING.findall(page) if anchor != "further-reading"),
        "snippets": len(shown),
        "exercises": len(exercises.numbers(lesson.try_it / "answers.py")),
        "checkpoints": sum(1 for directive in shown if directive.predict),
        "quiz questions": _quiz_questions(lesson, page),
        "questions": sum(1 for directive in shown if directive.predict)
        + _quiz_questions(lesson, page)
        + len(quiz.load(lesson.page.with_name(quiz.BANK))),
    }


def _quiz_questions(lesson: lessons.Lesson, page: str) -> int:
    """The questions of the quiz the page places: none without ::quiz[...] or quiz.yml."""
    placed = f"::quiz[{lesson.module}/{lesson.slug}]" in page.splitlines()
    path = lesson.page.with_name(quiz.FILE_NAME)
    return len(quiz.load(path)) if placed and path.is_file() else 0


def practice(lesson: lessons.Lesson) -> dict[int, list[str]]:
    """Each objective's number (1 for the first in the front matter), with the
    exercises and checkpoints that say they practise it: an exercise by a
    prompt line `Objective: N`, a checkpoint by `objective: N`."""
    objectives = lesson.metadata()["lesson"]["objectives"]
    practised = {number: [] for number in range(1, len(objectives) + 1)}
    answers = lesson.try_it / "answers.py"
    solutions = lesson.try_it / "solutions.py"
    for exercise in exercises.read_exercises(answers, solutions)["exercises"]:
        for number in exercise["objectives"]:
            practised.setdefault(number, []).append(f"exercise {exercise['number']} ({answers.name})")
    for checkpoint in checkpoints.load(lesson.page.with_name(checkpoints.FILE_NAME)).values():
        if checkpoint.objective:
            practised.setdefault(checkpoint.objective, []).append(f"checkpoint '{checkpoint.key}'")
    return practised


def shortfalls(lesson: lessons.Lesson) -> list[str]:
    """What the lesson lacks, each saying what it has, what the contract asks and where."""
    found = [
        f"{lesson} has {found} {what}; the lesson contract (course/contract.py) asks for at least {MINIMUMS[what]}"
        for what, found in counts(lesson).items()
        if found < MINIMUMS[what]
    ]
    objectives = len(lesson.metadata()["lesson"]["objectives"])
    for number, practised_by in practice(lesson).items():
        if number > objectives:
            found.append(
                f"{lesson}: {', '.join(practised_by)} names objective {number}, but the front matter lists "
                f"{objectives}; number them from 1, in the order of `objectives:`"
            )
        elif not practised_by:
            found.append(
                f"{lesson}: objective {number} has no exercise or checkpoint; the lesson contract asks for one "
                f"(a prompt line `# Objective: {number}` in try-it/answers.py, or `objective: {number}` in checkpoints.yml)"
            )
    return found
