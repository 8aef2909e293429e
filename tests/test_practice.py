"""Practice in the page, as the build prepares it: runnable snippets,
predict-then-run checkpoints keyed from recorded outputs, exercises placed
next to their ideas, one source of checks for the page and the terminal, and
a runtime served by the site itself. (tests/browser/test_python_in_page.py
uses all of it in Chromium.)"""

import gzip
import importlib.util
import json
import re
import sys
from html import escape
from html import unescape as html_unescape

import pytest

from course import checkpoints, lessons, snippets
from course import markdown as course_markdown
from course import runtime as course_runtime
from course.exercises import read_exercises
from course.interpreters import ROOT
from tests.conftest import mkdocs_build

LESSONS = lessons.discover()


RUNTIME = course_runtime.describe(ROOT)


def built(site, lesson):
    return (site / lesson.built).read_text(encoding="utf-8")


def shown_snippets(lesson):
    return course_markdown.directives(lesson.page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_every_snippet_on_the_page_is_runnable_or_says_why_not(lesson, built_site):
    site, _ = built_site
    html = built(site, lesson)
    for directive in shown_snippets(lesson):
        snippet = snippets.find(directive.name)
        native = RUNTIME["series"] not in snippet.versions
        wrapper = re.search(rf'<div class="runnable"[^>]*data-snippet="{snippet.name}"[^>]*>', html)
        assert wrapper, f"{lesson}: {snippet.name} is not runnable"
        assert ("data-native-only" in wrapper[0]) == native, f"{lesson}: {snippet.name}"


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_checkpoint_answers_come_from_the_recorded_outputs(lesson, built_site):
    site, _ = built_site
    html = built(site, lesson)
    placed = {d.predict: snippets.find(d.name) for d in shown_snippets(lesson) if d.predict}
    for key, checkpoint in checkpoints.load(lesson.page.parent / checkpoints.FILE_NAME).items():
        assert key in placed, f"{lesson}: checkpoint {key} is not placed on a snippet ({{predict={key}}})"
        answer = checkpoint.answer(placed[key].outputs()[RUNTIME["series"]])
        assert answer in checkpoint.choices, f"{lesson}: {key} has no single answer in {placed[key].name}'s output"
        form = re.search(rf'<form class="predict"[^>]*id="predict-{key}"[^>]*>', html)
        shown = form and re.search(r'data-answer="([^"]*)"', form[0])
        # Compared as the browser reads it: escaping quotes is the renderer's choice.
        assert shown and html_unescape(shown[1]) == answer, f"{lesson}: {key}: {form and form[0]}"


def test_checkpoint_answer_needs_exactly_one_matching_choice():
    output = "a is b: False\nBINARY_OP_ADD_INT 0 (+)\n"

    def answer(choices, line=""):
        return checkpoints.Checkpoint("k", "q", tuple(choices), "why", line).answer(output)

    assert answer(["True", "False"], line="a is b:") == "False"
    assert answer(["BINARY_OP", "BINARY_OP_ADD_INT"]) == "BINARY_OP_ADD_INT"
    assert answer(["yes", "no"], line="a is b:") is None
    assert answer(["0", "+"]) is None  # both appear


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_each_exercise_sits_in_its_section_with_prompt_starter_and_solution(lesson, built_site):
    site, _ = built_site
    html = built(site, lesson)
    data = read_exercises(lesson.try_it / "answers.py", lesson.try_it / "solutions.py")
    for exercise in data["exercises"]:
        number = exercise["number"]
        start = html.index(f'id="exercise-{number}"')
        block = html[start : html.index("</details>", start)]
        assert f"Exercise {number}: " in block and "Your answer" in block and f"Solution {number}" in block
        given = [f"<code>{escape(statement)}</code>" for statement in data["imports"]]
        assert ("Already run before your code: " + "; ".join(given) in block) == bool(given), (lesson, number)
        assert exercise["solutions"], f"{lesson}: exercise {number} has no solution section"
        assert html.index('id="try-it"') > start, f"{lesson}: exercise {number} is placed after 'Try it out'"
    listing = html[html.index('class="exercise-list"') :]
    assert all(f'href="#exercise-{e["number"]}"' in listing for e in data["exercises"])


def test_an_exercise_left_unplaced_fails_the_build_naming_it(project_copy, tmp_path):
    project = project_copy
    page = project / "docs/cs-fundamentals/names-and-objects/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- exercise 3 -->\n", ""), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "names-and-objects/index.md" in build.stderr and "not placed: [3]" in build.stderr


def test_exercises_placed_out_of_their_order_fail_the_build_naming_it(project_copy, tmp_path):
    page = project_copy / "docs/cs-fundamentals/names-and-objects/index.md"
    text = (
        page.read_text(encoding="utf-8")
        .replace("<!-- exercise 1 -->\n", "")
        .replace("<!-- exercise 3 -->\n", "<!-- exercise 3 -->\n\n<!-- exercise 1 -->\n")
    )
    page.write_text(text, encoding="utf-8")
    build = mkdocs_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "names-and-objects/index.md: the exercises appear in the order [2, 3, 1]" in build.stderr


def test_a_checkpoint_the_recording_does_not_answer_fails_the_build_naming_it(project_copy, tmp_path):
    project = project_copy
    checkpoints = project / "docs/cs-fundamentals/names-and-objects/checkpoints.yml"
    text = checkpoints.read_text(encoding="utf-8")
    checkpoints.write_text(text.replace('choices: ["True", "False"]', 'choices: ["yes", "no"]', 1), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "checkpoint 'identity-equality'" in build.stderr and "identity_equality" in build.stderr


def test_a_missing_runtime_fails_the_build_saying_how_to_get_it(project_copy, tmp_path):
    project = project_copy
    (project / "node_modules").unlink()
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0 and "npm ci" in build.stderr


def test_the_site_serves_only_the_runtime_files_a_browser_needs(built_site):
    site, _ = built_site
    folder = site / RUNTIME["path"]
    served = course_runtime.runtime_files(ROOT / "node_modules" / course_runtime.DEFAULT_PACKAGE)
    assert sorted(p.name for p in folder.iterdir()) == sorted(served)
    described = json.loads((site / "assets/runtime/runtime.json").read_text(encoding="utf-8"))
    default = described["runtimes"][described["default"]]
    assert default["python"].startswith(RUNTIME["series"] + ".") and default["path"] == RUNTIME["path"]
    assert (site / "sw.js").is_file() and (site / "assets/runner/editor.js").is_file()
    assert not (site / "assets/runner/editor.src.js").exists()


def test_the_site_serves_every_pyodide_series_installed_and_names_those_missing(built_site, tmp_path):
    site, _ = built_site
    described = json.loads((site / "assets/runtime/runtime.json").read_text(encoding="utf-8"))
    assert list(described["runtimes"]) == list(course_runtime.PACKAGES) and described["missing"] == {}
    for series, served in described["runtimes"].items():
        assert served["python"].startswith(series + ".") and (site / served["path"] / "pyodide.asm.wasm").is_file()
    # Installed as the README's serve command does (no devDependencies): the runner's series alone.
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules/pyodide").symlink_to(ROOT / "node_modules/pyodide")
    assert list(course_runtime.installed(tmp_path)) == ["3.14"]


def test_a_site_that_does_not_serve_every_series_fails_the_deploys_check(built_site, tmp_path):
    site, _ = built_site
    course_runtime.check_served(site)  # this machine has every runtime: nothing said
    described = json.loads((site / "assets/runtime/runtime.json").read_text(encoding="utf-8"))
    described["missing"] = {"3.11": "pyodide-311"}
    (tmp_path / "assets/runtime").mkdir(parents=True)
    (tmp_path / "assets/runtime/runtime.json").write_text(json.dumps(described), encoding="utf-8")
    with pytest.raises(SystemExit, match=r"the site does not serve 3\.11: run `npm ci` and build again"):
        course_runtime.check_served(tmp_path)


def test_the_runners_start_up_script_stays_small(built_site):
    site, _ = built_site
    size = len(gzip.compress((site / "assets/runner/runner.js").read_bytes()))
    assert size <= 10 * 1024, f"runner.js is {size / 1024:.1f} KB gzip; the budget is 10 KB"


def test_runner_code_names_no_other_origin():
    for path in [*(ROOT / "docs/assets/runner").iterdir(), ROOT / "docs/sw.js"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), f"{path.name} names another origin"


# One source of checks: the page calls check_source with the editor's code and
# the answers file's imports; the terminal runs check_one on the whole file.
CHECKER_DIR = ROOT / "snippets/cs-fundamentals"


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_the_page_and_the_terminal_give_the_same_verdicts(lesson, tmp_path):
    sys.path.insert(0, str(CHECKER_DIR))
    try:
        import exercise_checker

        spec = importlib.util.spec_from_file_location(f"exercises_{lesson.slug}", lesson.try_it / "exercises.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(CHECKER_DIR))
    data = read_exercises(lesson.try_it / "answers.py", lesson.try_it / "solutions.py")
    answers = lesson.try_it / "answers.py"
    for exercise in data["exercises"]:
        if exercise["native_only"]:
            continue
        number = exercise["number"]
        check = module.EXERCISES[number][1]
        in_page = exercise_checker.check_source(check, exercise["starter"], "your code", data["preamble"])
        in_terminal = exercise_checker.check_one(check, answers, number)
        # A starter may raise (NotImplementedError, say): each place names the line
        # as the learner sees it there, in the editor or in answers.py.
        assert not in_page[0], f"{lesson}: exercise {number}'s starting code already passes its check"
        assert without_line(in_page) == without_line(in_terminal), (
            f"{lesson}: exercise {number}: the page says {in_page[1]!r}, the terminal {in_terminal[1]!r}"
        )


def without_line(verdict):
    passed, message = verdict
    return passed, re.sub(r" \(line \d+\)", "", message)
