"""A lesson's questions: its closing quiz (`quiz.yml`, on the page) and its
question bank (`bank.yml`, for instructors: the cartridge's quizzes and the
answer key, never the page), read here only, and the quiz's form.

Both are a list of questions, each:
  question: what the reader is asked
  choices:  what the reader picks from; exactly one must match the output
  snippet:  the lesson's snippet whose recorded output answers it (`name.py`)
  line:     (optional) the output line that answers starts with this text;
            without it, the one choice that appears in the output is the answer
  why:      one sentence, shown once the reader has checked
  section:  the id of the lesson's section that teaches it, linked after `why`
  objective: (optional) the number of the lesson objective it assesses
The answer is never written down: it is read from the snippet's recorded
outputs, as a checkpoint's is, and must be the same on every build, since a
quiz asks about what every CPython does. The page places the quiz with
`::quiz[<module>/<lesson>]`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from course import yaml_text
from course.checkpoints import Checkpoint
from course.errors import CourseError
from course.snippets import find, read_text

FILE_NAME = "quiz.yml"
BANK = "bank.yml"
MINIMUM = 5  # questions in the closing quiz
FIELDS = {"question": str, "choices": list, "snippet": str, "why": str, "section": str}
DIRECTIVE = re.compile(r"^::quiz\[(?P<lesson>[\w-]+/[\w-]+)\]$")
INLINE_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Question:
    number: int
    asked: Checkpoint  # the question, its choices, line and why: answered as a checkpoint is
    snippet: str
    section: str
    objective: int | None = None


def load(path: Path) -> list[Question]:
    """Every question in `path`, or a CourseError naming the file, the question
    and what is wrong. A missing quiz is an error; a missing bank has none."""
    if not path.is_file():
        if path.name == BANK:
            return []
        raise CourseError(f"{path} is missing: a lesson ends with a quiz of at least {MINIMUM} questions")
    data, _ = yaml_text.parse(read_text(path), path)
    if not isinstance(data, list):
        raise CourseError(f"{path}: expected a list of questions, each starting '- question:'")
    questions = []
    for number, entry in enumerate(data, 1):
        where = f"{path}: question {number}"
        entry = yaml_text.check_entry(entry, FIELDS, {"line", "objective"}, where)
        objective = yaml_text.objective(entry, where)
        asked = Checkpoint(
            f"q{number}", entry["question"], tuple(map(str, entry["choices"])), entry["why"], str(entry.get("line", ""))
        )
        questions.append(Question(number, asked, entry["snippet"], entry["section"], objective))
    return questions


def answers(lesson: str, docs: Path, snippets: Path, file_name: str = FILE_NAME) -> list[tuple[Question, str]]:
    """Each question of the lesson's quiz (or bank) with its answer, read from
    its snippet's outputs on every build; a CourseError when a build's output
    gives none, or another."""
    path = docs / lesson / file_name
    questions = load(path)
    if file_name == FILE_NAME and len(questions) < MINIMUM:
        raise CourseError(f"{path}: {len(questions)} questions; a lesson's quiz has at least {MINIMUM}")
    answered = []
    for question in questions:
        name = question.snippet.removesuffix(".py")
        outputs = find(f"{lesson}/{name}.py", snippets).outputs()
        given = {version: question.asked.answer(output) for version, output in outputs.items()}
        found = set(given.values())
        if None in found or len(found) != 1:
            raise CourseError(
                f"{path}: question {question.number}: {question.snippet}'s recorded outputs must give exactly one "
                f"of its choices, the same on every build; they give {given}"
            )
        answered.append((question, found.pop()))
    return answered


def _with_code(text: str) -> str:
    return INLINE_CODE.sub(r"<code>\1</code>", html.escape(text, quote=False))


def render(lesson: str, docs: Path, snippets: Path) -> str:
    """The quiz form: every question with its choices; quiz.js checks them."""
    sections = set(re.findall(r"\{ #([\w-]+) \}", read_text(docs / lesson / "index.md")))
    parts = []
    for question, answer in answers(lesson, docs, snippets):
        if question.section not in sections:
            raise CourseError(
                f"{docs / lesson / FILE_NAME}: question {question.number} names section '{question.section}', "
                f"which {docs / lesson / 'index.md'} has no heading for"
            )
        name = f"quiz-{question.number}"
        choices = "".join(
            f'<label><input type="radio" name="{name}" value="{html.escape(choice)}"> <code>{html.escape(choice)}</code></label>'
            for choice in question.asked.choices
        )
        parts.append(
            f'<fieldset class="quiz__question" data-answer="{html.escape(answer)}">'
            f"<legend>{question.number}. {_with_code(question.asked.question)}</legend>"
            f'<div class="quiz__choices">{choices}</div>'
            '<p class="quiz__verdict" role="status"></p>'
            f'<p class="quiz__why" hidden>{_with_code(question.asked.why)} '
            f'<a href="#{question.section}">Read it again</a></p></fieldset>'
        )
    return (
        f'<form class="quiz" data-lesson="{lesson}" data-search-exclude>{"".join(parts)}'
        '<p class="quiz__score" role="status"></p></form>'
    )
