"""Exercises: a lesson's try-it/answers.py and solutions.py, read here.

answers.py holds the exercises for the learner, each starting at a line
`# %% Exercise N: title`, then the prompt (comment lines, Markdown once the
`# ` is gone; a line `Native CPython only: <why>` says it is checked on a
computer only, and a line `Objective: N` names the lesson objective it
practises, by its number in the front matter) and the starting code. solutions.py repeats each marker and
solves it, with `# --8<-- [start:name]` sections for the page to show.

exercise_checker.py, which learners download and run on their own computer,
splits the same file by the same marker on its own: it must run without this
package.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from course.errors import CourseError
from course.snippets import read_text

MARKER = re.compile(r"^# %% Exercise (\d+): (.+)$", re.MULTILINE)
SECTION_START = re.compile(r"^# --8<-- \[start:(\w+)\]$", re.MULTILINE)
SECTION_MARK = re.compile(r"^# --8<-- \[(?:start|end):\w+\]\n", re.MULTILINE)
NATIVE_ONLY = "Native CPython only: "
OBJECTIVE = re.compile(r"^Objectives?: (\d+(?:, \d+)*)$")
CODE_SPAN = re.compile(r"`[^`]*`")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def numbers(path: Path) -> list[int]:
    """The exercise numbers in `path`, in file order; a CourseError, naming the
    file and line, when one is repeated or they are not 1, 2, 3, ..."""
    text = read_text(path)
    found = [(int(m[1]), text.count("\n", 0, m.start()) + 1) for m in MARKER.finditer(text)]
    for index, (number, line) in enumerate(found, start=1):
        if number != index:
            repeated = "repeats an earlier number" if number < index else f"skips to {number}"
            raise CourseError(f"{path}:{line}: '# %% Exercise {number}' {repeated}; number them 1, 2, 3, ... in order")
    return [number for number, _ in found]


def code_by_number(path: Path) -> dict[int, str]:
    """Each exercise's code in `path` (its marker line left out, section marks
    too): what a learner would type into that exercise's editor."""
    text = SECTION_MARK.sub("", read_text(path))
    markers = list(MARKER.finditer(text))
    ends = [m.start() for m in markers[1:]] + [len(text)]
    return {int(m[1]): text[m.end() : end].strip() + "\n" for m, end in zip(markers, ends)}


def read_exercises(answers: Path, solutions: Path) -> dict:
    """answers.py split into its preamble and exercises, with each one's solution sections."""
    numbers(answers)
    text = read_text(answers)
    solved = read_text(solutions)
    solved_by_number = {int(m[1]): m.end() for m in MARKER.finditer(solved)}
    markers = list(MARKER.finditer(text))
    exercises = []
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        lines = text[marker.start() : end].rstrip("\n").split("\n")
        comments = 1
        while comments < len(lines) and lines[comments].startswith("#"):
            comments += 1
        prompt = [line[2:] if line.startswith("# ") else line[1:] for line in lines[1:comments]]
        tag = HTML_TAG.search(CODE_SPAN.sub("", " ".join(prompt)))
        if tag:
            raise CourseError(
                f"{answers}: the prompt of exercise {marker[1]} has {tag[0]}, which Markdown reads as HTML "
                "and hides; put it in backticks"
            )
        number = int(marker[1])
        solution_start = solved_by_number.get(number, len(solved))
        solution_end = min([i for i in solved_by_number.values() if i > solution_start] + [len(solved)])
        exercises.append(
            {
                "number": number,
                "title": marker[2],
                "header": "\n".join(lines[:comments]),  # marker and prompt, as in answers.py
                "starter": "\n".join(lines[comments:]).strip("\n"),
                "prompt": "\n".join(
                    line for line in prompt if not line.startswith(NATIVE_ONLY) and not OBJECTIVE.match(line)
                ),
                "objectives": [
                    int(n) for line in prompt if (found := OBJECTIVE.match(line)) for n in found[1].split(", ")
                ],
                "native_only": next(
                    (line[len(NATIVE_ONLY) :] for line in prompt if line.startswith(NATIVE_ONLY)), None
                ),
                "solutions": SECTION_START.findall(solved[solution_start:solution_end]),
            }
        )
    preamble = text[: markers[0].start()] if markers else text
    return {"preamble": preamble, "imports": preamble_imports(preamble, answers), "exercises": exercises}


def preamble_imports(preamble: str, path: Path) -> list[str]:
    """The import statements above the first exercise, as written: every
    exercise's code runs after them, so the page says so beside each editor."""
    try:
        tree = ast.parse(preamble)
    except SyntaxError as error:
        raise CourseError(f"{path}:{error.lineno}: {error.msg} (above the first exercise)") from None
    return [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
