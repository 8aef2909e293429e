"""Input the build cannot render well fails it, with the file, the line and
what is wrong; a fence inside a snippet or an output is rendered whole."""

import re

import pytest
from markdown import Markdown

from course import checkpoints, exercises, snippets, yaml_text
from course import markdown as course_markdown
from course.errors import CourseError
from tests.conftest import mkdocs_build

GOOD = "first-total:\n  question: What does it print?\n  choices: ['6', '123']\n  why: It adds them.\n"
BAD_CHECKPOINTS = {
    "not YAML": ("first:\n  question: [unclosed\n  why: x\n", r"checkpoints\.yml:3: not valid YAML"),
    "no why": (GOOD + "second:\n  question: And now?\n  choices: ['1', '2']\n", r"checkpoints\.yml:5: .*lacks 'why'"),
    "an unknown field": (GOOD.replace("  why:", "  hint: h\n  why:"), r"checkpoints\.yml:1: .*unknown field"),
    "an objective that is not a number": (GOOD + "  objective: first\n", r"checkpoints\.yml:1: .*objective's number"),
}


@pytest.mark.parametrize("text, message", BAD_CHECKPOINTS.values(), ids=BAD_CHECKPOINTS.keys())
def test_a_bad_checkpoints_file_is_named_with_its_line(tmp_path, text, message):
    path = tmp_path / "checkpoints.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CourseError, match=message):
        checkpoints.load(path)


def test_an_exercise_prompt_with_what_markdown_would_hide_fails_naming_it(tmp_path):
    answers, solutions = tmp_path / "answers.py", tmp_path / "solutions.py"
    answers.write_text("# %% Exercise 1: parse\n# Each line reads <name> | `<kept>`.\n\n\ndef f():\n    pass\n")
    solutions.write_text("# %% Exercise 1: parse\n")
    with pytest.raises(CourseError, match=r"answers\.py: the prompt of exercise 1 has <name>, .* put it in backticks"):
        exercises.read_exercises(answers, solutions)


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "snippet.py"
    path.write_bytes(b"print('fine')\nprint('caf\xe9')\n")  # Latin-1
    with pytest.raises(CourseError, match=r"snippet\.py:2: not UTF-8.*save the file as UTF-8"):
        snippets.read_text(path)


@pytest.mark.parametrize(
    "front, message",
    [
        ("---\ntitle: [unclosed\n---\n", r"index\.md:3: not valid YAML"),
        ("---\n- a list\n---\n", r"index\.md:2: .*keys"),
    ],
)
def test_front_matter_mkdocs_could_not_read_is_named_with_its_line(front, message):
    with pytest.raises(CourseError, match=message):
        yaml_text.check_front_matter(front + "# Title\n", "docs/m/l/index.md")


def test_malformed_front_matter_fails_the_build_naming_the_page_and_line(project_copy, tmp_path):
    page = project_copy / "docs/cs-fundamentals/names-and-objects/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title: ", "title: [", 1), encoding="utf-8")
    line = text.split("\n").index(next(row for row in text.split("\n") if row.startswith("title: "))) + 1
    build = mkdocs_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert re.search(rf"names-and-objects/index\.md:{line + 1}: not valid YAML", build.stderr), build.stderr[-800:]


def test_a_fence_inside_a_snippet_or_its_output_stays_inside_its_block(project_copy, tmp_path):
    """A line of backticks in the code or in what it printed does not end the
    block early: the page shows every line, and Run gets the whole file."""
    lesson = project_copy / "snippets/cs-fundamentals/memory-management"
    snippet = lesson / "frames.py"
    snippet.write_text(snippet.read_text(encoding="utf-8") + 'FENCE = """\n```\n"""\nprint("after the fence")\n')
    output = lesson / "output/frames/3.11.txt"
    output.write_text(output.read_text(encoding="utf-8") + "```\nafter the fence in the output\n", encoding="utf-8")
    build = mkdocs_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.stderr[-2000:]
    html = (tmp_path / "site/cs-fundamentals/memory-management/index.html").read_text(encoding="utf-8")
    code = re.search(r'<div class="runnable"[^>]*data-snippet="frames".*?</div>\n</div>', html, re.DOTALL).group(0)
    assert "after the fence" in code and "after the fence in the output" in code
    assert code.count("<pre") >= 2 and "```" in code


def test_a_builds_box_inside_another_block_fails_naming_the_fix():
    """`::builds` renders a box of its own: indented into a note, its HTML
    would be left as text."""
    page = Markdown(extensions=["admonition", course_markdown.makeExtension()])
    with pytest.raises(CourseError, match=r"'::builds' must start its line"):
        page.convert('!!! note "Builds"\n    ::builds\n')


def test_a_stepper_option_is_yes_or_an_error_naming_the_fix():
    placed = course_markdown.parse("::snippet[cs-fundamentals/virtual-machine/value_stack.py]{stepper=yes}")
    assert placed is not None and placed.stepper
    with pytest.raises(CourseError, match=r"write \{stepper=yes\} for a stepper under the block"):
        course_markdown.parse("::snippet[cs-fundamentals/virtual-machine/value_stack.py]{stepper=no}")
    with pytest.raises(CourseError, match=r"unknown option 'steper=yes' \(known: predict, stepper\)"):
        course_markdown.parse("::snippet[cs-fundamentals/virtual-machine/value_stack.py]{steper=yes}")
