"""What assesses a lesson, each with its answer: the checkpoints on its page,
its closing quiz, its question bank (course/quiz.py) and its exercises, and
which objective each assesses. The instructors' page, the answer key and the
Common Cartridge read them from here.

A checkpoint's answer is the in-page build's recorded output, as on the page;
a quiz's or bank's is the same on every build (course/quiz.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course import checkpoints, exercises, quiz, runtime, snippets
from course import markdown as course_markdown
from course.errors import CourseError
from course.interpreters import ROOT
from course.lessons import HEADING

SOURCES = {"checkpoint": "Checkpoint", "quiz": "Quiz", "bank": "Question bank"}


@dataclass(frozen=True)
class Question:
    ident: str  # unique in its lesson: checkpoint-<key>, quiz-<n>, bank-<n>
    source: str  # a key of SOURCES
    text: str  # may hold `inline code`
    choices: tuple[str, ...]
    answer: str
    why: str
    anchor: str  # the page's place that asks it (a checkpoint) or teaches it
    objective: int | None
    code: str = ""  # a checkpoint's snippet, which its question is about (a quiz's question says its code)


@dataclass(frozen=True)
class Exercise:
    number: int
    title: str
    prompt: str
    objectives: tuple[int, ...]
    solutions: tuple[str, ...]  # sections of try-it/solutions.py

    @property
    def anchor(self) -> str:
        return f"exercise-{self.number}"


def in_page_series(project: Path = ROOT) -> str:
    return runtime.describe(project)["series"]


def questions(lesson: str, series: str, project: Path = ROOT) -> list[Question]:
    """Every question that assesses `lesson` (`<module>/<lesson>` in `project`),
    in page order: its checkpoints, its quiz, then its bank; a CourseError when
    one names a section the page lacks."""
    docs, snippets_dir = project / "docs", project / "snippets"
    path = docs / lesson / "index.md"
    page = path.read_text(encoding="utf-8")
    found = checkpoints.load(path.with_name(checkpoints.FILE_NAME))
    asked = []
    for directive in course_markdown.directives(page):
        if not directive.predict:
            continue
        checkpoint = found[directive.predict]
        snippet = snippets.find(directive.name, snippets_dir)
        answer = checkpoint.answer(snippet.outputs()[series])
        asked.append(
            Question(
                f"checkpoint-{checkpoint.key}",
                "checkpoint",
                checkpoint.question,
                checkpoint.choices,
                answer or "",
                checkpoint.why,
                f"predict-{checkpoint.key}",
                checkpoint.objective,
                snippet.shown(directive.section),
            )
        )
    sections = {anchor for _, _, anchor in HEADING.findall(page)}
    for source, file_name in (("quiz", quiz.FILE_NAME), ("bank", quiz.BANK)):
        for question, answer in quiz.answers(lesson, docs, snippets_dir, file_name):
            if question.section not in sections:
                raise CourseError(
                    f"{path.with_name(file_name)}: question {question.number} names section "
                    f"'{question.section}', which {path} has no heading for"
                )
            asked.append(
                Question(
                    f"{source}-{question.number}",
                    source,
                    question.asked.question,
                    question.asked.choices,
                    answer,
                    question.asked.why,
                    question.section,
                    question.objective,
                )
            )
    return asked


def lesson_exercises(lesson: str, project: Path = ROOT) -> list[Exercise]:
    try_it = project / "snippets" / lesson / "try-it"
    read = exercises.read_exercises(try_it / "answers.py", try_it / "solutions.py")
    return [
        Exercise(item["number"], item["title"], item["prompt"], tuple(item["objectives"]), tuple(item["solutions"]))
        for item in read["exercises"]
    ]


def objective_map(objectives: list[str], drills: list[Exercise], asked: list[Question]) -> list[dict]:
    """For each of a lesson's `objectives`, in order: its text, and the
    exercises and questions that say they assess it."""
    return [
        {
            "objective": text,
            "exercises": [drill for drill in drills if number in drill.objectives],
            "questions": [question for question in asked if question.objective == number],
        }
        for number, text in enumerate(objectives, start=1)
    ]
