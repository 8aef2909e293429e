"""`python -m course new <module>/<lesson> "Title"`: a new lesson that builds
and passes its checks as it is, for the author to rewrite.

It writes the lesson's three places (page, snippets with try-it/, test file),
the notebook link, a checkpoint, the closing quiz, a question bank, and the lesson's entry in mkdocs.yml's nav,
after the module's last lesson. It never overwrites a file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from course.errors import CourseError
from course.interpreters import ROOT

SLUG = re.compile(r"^[a-z][a-z0-9-]*/[a-z][a-z0-9-]*$")

PAGE = """---
title: {title}
description: >-
  One sentence on what {title} teaches, shown on the module page and in
  search results.
lesson:
  objectives:
    - say what `first_look.py` prints, and why
    - add up a list with a loop
  prerequisites:
    - you can write functions and loops, and run a script from a terminal
  takeaways:
    - One sentence a reader should keep from this lesson.
---

# {title} {{ #{lesson} }}

A paragraph that says what this lesson is about and why it matters.

::builds

## A first look {{ #first-look }}

Explain the idea, then show it running:

::snippet[{module}/{lesson}/first_look.py]{{predict=first-total}}

<!-- exercise 1 -->

## Try it out {{ #try-it }}

<!-- exercise-list -->

## Quiz {{ #quiz }}

Five questions on the whole lesson, each answered by an output on this page.
Pick your answers, then check them all at once.
{{ .screen-only }}

::quiz[{module}/{lesson}]

## Further reading {{ #further-reading }}

- [The Python tutorial](https://docs.python.org/3/tutorial/)
"""

CHECKPOINTS = """# Predict-then-run checkpoints, named on a snippet with {predict=ID}. The answer
# is read from the snippet's recorded output (course/checkpoints.py says how).
first-total:
  question: "What total does `first_look.py` print?"
  line: "total:"
  choices: ["6", "123", "None"]
  why: "`sum` adds the numbers of the list: 1 + 2 + 3."
  objective: 1
"""

SNIPPET = """numbers = [1, 2, 3]
print("total:", sum(numbers))
print("count:", len(numbers))
print("largest:", max(numbers))
print("smallest:", min(numbers))
print("backwards:", sorted(numbers, reverse=True))
"""

QUIZ = """# The closing quiz: at least five questions, each answered by a snippet's
# recorded outputs, the same on every build (course/quiz.py says how).
- question: "What does `len([1, 2, 3])` give?"
  snippet: first_look.py
  line: "count:"
  choices: ["2", "3", "6"]
  why: "`len` counts the items; it does not add them."
  section: first-look
- question: "What does `max([1, 2, 3])` give?"
  snippet: first_look.py
  line: "largest:"
  choices: ["1", "3", "[3]"]
  why: "`max` returns the largest item itself."
  section: first-look
- question: "What does `min([1, 2, 3])` give?"
  snippet: first_look.py
  line: "smallest:"
  choices: ["0", "1", "3"]
  why: "`min` returns the smallest item itself."
  section: first-look
- question: "What does `sorted([1, 2, 3], reverse=True)` give?"
  snippet: first_look.py
  line: "backwards:"
  choices: ["[1, 2, 3]", "[3, 2, 1]", "None"]
  why: "`sorted` returns a new list, here largest first."
  section: first-look
- question: "What does `sum([1, 2, 3])` give?"
  snippet: first_look.py
  line: "total:"
  choices: ["6", "123", "[1, 2, 3]"]
  why: "`sum` adds the numbers: 1 + 2 + 3."
  section: first-look
"""

BANK = """# Question bank: questions for instructors (the Common Cartridges' quizzes and
# the answer key), never on the page. Same format as quiz.yml, with the number
# of the objective each assesses; with the checkpoints and the quiz, a lesson
# has at least ten questions (course/contract.py).
- question: "`numbers = [1, 2, 3]`. How many items does `len(numbers)` count?"
  snippet: first_look.py
  line: "count:"
  choices: ["1", "3", "6"]
  why: "`len` counts the items of the list, whatever their values."
  section: first-look
  objective: 1
- question: "Which item of `[1, 2, 3]` does `max` return?"
  snippet: first_look.py
  line: "largest:"
  choices: ["1", "2", "3"]
  why: "`max` compares the items and returns the largest one."
  section: first-look
  objective: 1
- question: "What does `sum` give for `[1, 2, 3]`?"
  snippet: first_look.py
  line: "total:"
  choices: ["3", "6", "123"]
  why: "`sum` adds the items: 1 + 2 + 3 is 6."
  section: first-look
  objective: 1
- question: "`sorted(numbers, reverse=True)`: which item comes first?"
  snippet: first_look.py
  line: "backwards:"
  choices: ["[1, 2, 3]", "[3, 2, 1]", "[3]"]
  why: "With `reverse=True`, `sorted` puts the largest item first."
  section: first-look
  objective: 1
"""

EXAMPLES = """# %% [markdown]
# # {title}: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with.

# %%
import sys

print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. A first look

# %%
print("\\n=== 1. A first look ===")
numbers = [1, 2, 3]
print("total:", sum(numbers))
"""

ANSWERS = '''"""Exercises for "{title}". Complete each function, then run:

    python exercises.py

Each exercise is checked on its own, with a time limit, so a mistake in one
does not stop the others. Keep the `# %% Exercise N` lines: they mark where
each exercise starts.
"""

# %% Exercise 1: add up a list
# Objective: 2
# Return the sum of `numbers` without calling `sum`.


def total(numbers):
    result = 0
    return result
'''

SOLUTIONS = '''"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: add up a list
# --8<-- [start:total]
def total(numbers):
    result = 0
    for number in numbers:
        result += number
    return result
# --8<-- [end:total]
'''

EXERCISES = '''"""Checks your answers to the "{title}" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit. The machinery
is in exercise_checker.py.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


def check_total(answers):
    for numbers in ([1, 2, 3], [], [-4, 4, 10]):
        found = answers["total"](numbers)
        expect_type(found, int, "a number")
        if found != sum(numbers):
            raise Wrong(f"total({{numbers}}) returned {{found}}, not {{sum(numbers)}}. "
                        "Hint: add each number to the result in a loop")


EXERCISES = {{
    1: ("add up a list", check_total),
}}

if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
'''

TEST = '''"""What the "{title}" lesson claims, checked against real runs."""

from course import snippets

FIRST_LOOK = snippets.find("{module}/{lesson}/first_look.py")


def test_first_look_prints_the_total_on_every_build():
    for version, output in FIRST_LOOK.outputs().items():
        assert output.splitlines()[0] == "total: 6", version
'''


def files(module: str, lesson: str, title: str) -> dict[Path, str]:
    values = {"module": module, "lesson": lesson, "title": title}
    page, snippets = ROOT / "docs" / module / lesson, ROOT / "snippets" / module / lesson
    return {
        page / "index.md": PAGE.format(**values),
        page / "checkpoints.yml": CHECKPOINTS,
        page / "quiz.yml": QUIZ,
        page / "bank.yml": BANK,
        snippets / "first_look.py": SNIPPET,
        snippets / "try-it" / "examples.py": EXAMPLES.format(**values),
        snippets / "try-it" / "answers.py": ANSWERS.format(**values),
        snippets / "try-it" / "solutions.py": SOLUTIONS,
        snippets / "try-it" / "exercises.py": EXERCISES.format(**values),
        ROOT / "tests" / module / f"test_{lesson.replace('-', '_')}.py": TEST.format(**values),
    }


def add_to_nav(config: Path, module: str, lesson: str, title: str, after: str = "") -> None:
    """The lesson's nav entry: right after lesson `after` (`<module>/<lesson>`),
    beside it in its chapter; or else after the module's last lesson notebook,
    at the level of the module's own lessons (not inside a chapter that ends there)."""
    text = config.read_text(encoding="utf-8")
    if after:
        found = re.search(
            rf"^( +)- {re.escape(after)}/index\.md\n\1- Notebook: {re.escape(after)}/notebook\.py\n", text, re.MULTILINE
        )
        if not found:
            raise CourseError(
                f"{config}: no lesson '{after}' (its index.md, then its notebook) in nav to add '{lesson}' after"
            )
        outer, inner = found[1][:-4], found[1]
        entry = f"{outer}- {title}:\n{inner}- {module}/{lesson}/index.md\n{inner}- Notebook: {module}/{lesson}/notebook.py\n"
        config.write_text(text[: found.end()] + entry + text[found.end() :], encoding="utf-8")
        return
    notebooks = list(re.finditer(rf"^( +)- Notebook: {re.escape(module)}/[\w-]+/notebook\.py\n", text, re.MULTILINE))
    if not notebooks:
        raise CourseError(f"{config}: no lesson of module '{module}' in nav to add '{lesson}' after; add it by hand")
    last = notebooks[-1]
    index = re.search(rf"^( +)- {re.escape(module)}/index\.md\n", text, re.MULTILINE)
    outer = index[1] if index else last[1][:-4]
    inner = outer + "    "
    entry = (
        f"{outer}- {title}:\n{inner}- {module}/{lesson}/index.md\n{inner}- Notebook: {module}/{lesson}/notebook.py\n"
    )
    config.write_text(text[: last.end()] + entry + text[last.end() :], encoding="utf-8")


def main(name: str, title: str, after: str = "") -> int:
    if not SLUG.match(name):
        print(f"'{name}' is not <module>/<lesson> in lowercase words joined by '-'", file=sys.stderr)
        return 2
    module, lesson = name.split("/")
    if not (ROOT / "docs" / module / "index.md").is_file():
        print(f"no module '{module}': docs/{module}/index.md does not exist", file=sys.stderr)
        return 2
    planned = files(module, lesson, title)
    existing = [str(path.relative_to(ROOT)) for path in planned if path.exists()]
    if existing:
        print(f"not written, these exist already: {', '.join(existing)}", file=sys.stderr)
        return 1
    try:
        add_to_nav(ROOT / "mkdocs.yml", module, lesson, title, after)
    except CourseError as error:
        print(error, file=sys.stderr)
        return 2
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    notebook = ROOT / "docs" / module / lesson / "notebook.py"
    notebook.symlink_to(Path("../../../snippets") / module / lesson / "try-it" / "examples.py")
    print(
        f"wrote {len(planned) + 1} files and a nav entry for {name}. Next:\n"
        f"  .venv/bin/python -m course record {name}    # what first_look.py prints, on every build\n"
        f"  .venv/bin/python -m course links            # publish the new page's sections\n"
        f"  .venv/bin/python -m course check {name}     # the lesson's fast checks"
    )
    return 0
