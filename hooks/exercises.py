"""Each exercise appears in the lesson, next to the idea it practises.

A lesson's try-it/answers.py holds its exercises, each starting at a line
`# %% Exercise N: title`, followed by the prompt (comment lines, Markdown once
the `# ` is gone) and the starting code. A line `<!-- exercise N -->` in the
lesson renders exercise N there: prompt, starting code (runner.js turns it into
an editor with Check) and the solution from solutions.py, collapsed.
`<!-- exercise-list -->` renders the list of all of them, with downloads.

After the build, assets/try-it/<module>/<lesson>/ holds answers.json (what
runner.js needs to check one exercise and to rebuild answers.py for download)
and the lesson's exercises.py, with exercise_checker.py one folder up, exactly
the files `python exercises.py` uses locally.
"""

import json
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from course import answer_key
from course.exercises import read_exercises
from course.lessons import HEADING

PLACE = re.compile(r"^<!-- exercise (\d+) -->$", re.MULTILINE)
LIST = "<!-- exercise-list -->"

lessons_with_exercises = {}  # (project, "module/lesson") -> its exercises, for on_post_build


def on_pre_build(config):
    lessons_with_exercises.clear()  # `serve` rebuilds in one process


def _indent(text, spaces):
    return "\n".join((" " * spaces + line) if line else "" for line in text.split("\n"))


def render_exercise(exercise, lesson, imports):
    number = exercise["number"]
    native = exercise["native_only"]
    given = "; ".join(f"`{statement}`" for statement in imports)
    given = f"\n\n*Already run before your code: {given}.*" if imports else ""
    solutions = "\n\n".join(
        f'```python\n--8<-- "{lesson}/try-it/solutions.py:{section}"\n```' for section in exercise["solutions"]
    )
    note = f"\n\n*This one is checked on your computer, not in the browser: {native}.*" if native else ""
    starter = '```python title="Your answer"\n' + exercise["starter"] + "\n```"
    attributes = f'data-exercise="{number}" data-lesson="{lesson}"' + (' data-native-only="true"' if native else "")
    return (
        # The link target is an empty element before the exercise, not the exercise
        # itself: Material names each code block after its closest ancestor with an
        # id, and the starter and the solution would then share one.
        f'<div class="exercise-anchor" id="exercise-{number}"></div>\n'
        f'<div class="exercise" {attributes} markdown>\n\n'
        f'!!! question "Exercise {number}: {exercise["title"]}"\n\n'
        f"{_indent(exercise['prompt'] + given + note, 4)}\n\n"
        f"{_indent(starter, 4)}\n\n"
        + (
            ""
            if answer_key.solutions_hidden()
            else f'    ??? example "Solution {number}"\n\n{_indent(solutions, 8)}\n\n'
        )
        + "</div>"
    )


def render_list(data, lesson, markdown, page_url):
    rows = []
    for exercise in data["exercises"]:
        before = markdown[: markdown.find(f"<!-- exercise {exercise['number']} -->")]
        headings = [(title, anchor) for _, title, anchor in HEADING.findall(before)]
        section = f", in [{headings[-1][0]}](#{headings[-1][1]})" if headings else ""
        rows.append(f"- [Exercise {exercise['number']}: {exercise['title']}](#exercise-{exercise['number']}){section}")
    here = posixpath.relpath(f"assets/try-it/{lesson}", page_url or ".")
    module = posixpath.dirname(here)
    return (
        f'<div class="exercise-list" data-lesson="{lesson}" markdown>\n\n' + "\n".join(rows) + "\n\n"
        "To work on your own computer, download your answers (the button below), put them in one "
        f'folder with <a href="{here}/exercises.py" download><code>exercises.py</code></a> and '
        f'<a href="{module}/exercise_checker.py" download><code>exercise_checker.py</code></a>, '
        "and run `python3 exercises.py` (`py exercises.py` on Windows): the same checks, each "
        "in its own process with a time limit, on the Python you have.\n\n</div>"
    )


def on_page_markdown(markdown, page, config, files):
    if not PLACE.search(markdown) and LIST not in markdown:
        return markdown
    project = Path(config.config_file_path).resolve().parent
    lesson = posixpath.dirname(page.file.src_path)  # <module>/<lesson>
    try_it = project / "snippets" / lesson / "try-it"
    data = read_exercises(try_it / "answers.py", try_it / "solutions.py")
    by_number = {exercise["number"]: exercise for exercise in data["exercises"]}
    placed = [int(n) for n in PLACE.findall(markdown)]
    unplaced = sorted(set(by_number) - set(placed))
    unknown = sorted(set(placed) - set(by_number))
    if unplaced or unknown or len(placed) != len(set(placed)):
        raise PluginError(
            f"{page.file.src_path}: each exercise of {try_it / 'answers.py'} must be placed once "
            f"with <!-- exercise N -->; not placed: {unplaced}, unknown: {unknown}"
        )
    if placed != sorted(placed):
        raise PluginError(
            f"{page.file.src_path}: the exercises appear in the order {placed}; a reader meets them by "
            "number, so place them 1, 2, 3, ... down the page (or renumber them in answers.py)"
        )
    lessons_with_exercises[(project, lesson)] = data
    markdown = markdown.replace(LIST, render_list(data, lesson, markdown, page.url))
    return PLACE.sub(lambda m: render_exercise(by_number[int(m[1])], lesson, data["imports"]), markdown)


def on_post_build(config):
    for (project, lesson), data in sorted(lessons_with_exercises.items()):
        try_it = project / "snippets" / lesson / "try-it"
        target = Path(config.site_dir) / "assets" / "try-it" / lesson
        target.mkdir(parents=True, exist_ok=True)
        (target / "answers.json").write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        shutil.copy(try_it / "exercises.py", target / "exercises.py")
        shutil.copy(
            project / "snippets" / lesson.split("/")[0] / "exercise_checker.py", target.parent / "exercise_checker.py"
        )
