"""The lesson contract: what every lesson has, counted from its own files.

The minimums are the course's promise to a learner ("every idea has something
to do"), not the size of today's lessons: a short lesson meets them. A test
(tests/test_lessons.py) holds every lesson in the nav to them; raise one here,
for every lesson, and say why.
"""

from __future__ import annotations

from course import exercises, lessons
from course import markdown as course_markdown

MINIMUMS = {
    "sections": 1,  # `## Title { #id }` sections of its own, besides "Further reading"
    "snippets": 1,  # code shown with ::snippet[...], each with Run or its native-only reason
    "exercises": 1,  # `# %% Exercise N: title` in try-it/answers.py, placed on the page
    "checkpoints": 1,  # predict-then-run questions, each named on a snippet with {predict=id}
}


def counts(lesson: lessons.Lesson) -> dict[str, int]:
    page = lesson.page.read_text(encoding="utf-8")
    shown = course_markdown.directives(page)
    return {
        "sections": sum(1 for _, _, anchor in lessons.HEADING.findall(page) if anchor != "further-reading"),
        "snippets": len(shown),
        "exercises": len(exercises.numbers(lesson.try_it / "answers.py")),
        "checkpoints": sum(1 for directive in shown if directive.predict),
    }


def shortfalls(lesson: lessons.Lesson) -> list[str]:
    """What the lesson lacks, each saying what it has, what the contract asks and where."""
    return [
        f"{lesson} has {found} {what}; the lesson contract (course/contract.py) asks for at least {MINIMUMS[what]}"
        for what, found in counts(lesson).items()
        if found < MINIMUMS[what]
    ]
