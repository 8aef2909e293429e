"""Where `python -m course new` puts a lesson in the nav."""

import pytest

from course.errors import CourseError
from course.interpreters import ROOT
from course.scaffold import add_to_nav


@pytest.fixture
def config(tmp_path):
    copy = tmp_path / "mkdocs.yml"
    copy.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def nav_lines(config):
    text = config.read_text(encoding="utf-8")
    return text[text.index("\nnav:\n") : text.index("\n", text.index("For instructors"))].splitlines()


def test_after_a_lesson_the_new_one_joins_its_chapter_right_behind_it(config):
    notebook_line = "              - Notebook: cs-fundamentals/functions-and-frames/notebook.py"
    before = nav_lines(config)
    follower = before[before.index(notebook_line) + 1]  # whatever came next (an author may add a lesson there)
    add_to_nav(config, "cs-fundamentals", "scopes", "Scopes and Closures", after="cs-fundamentals/functions-and-frames")
    lines = nav_lines(config)
    notebook = lines.index(notebook_line)
    assert lines[notebook + 1 : notebook + 4] == [
        "          - Scopes and Closures:",
        "              - cs-fundamentals/scopes/index.md",
        "              - Notebook: cs-fundamentals/scopes/notebook.py",
    ]
    assert lines[notebook + 4] == follower


def test_without_after_the_new_lesson_ends_the_module_outside_its_chapters(config):
    last_notebook = [line for line in nav_lines(config) if "- Notebook: cs-fundamentals/" in line][-1]
    add_to_nav(config, "cs-fundamentals", "scopes", "Scopes and Closures")
    lines = nav_lines(config)
    at = lines.index("      - Scopes and Closures:")
    assert lines[at - 1] == last_notebook
    assert lines[at + 1] == "          - cs-fundamentals/scopes/index.md"


def test_after_an_unknown_lesson_fails_naming_it_and_changes_nothing(config):
    before = config.read_text(encoding="utf-8")
    with pytest.raises(CourseError, match="no lesson 'cs-fundamentals/nowhere'"):
        add_to_nav(config, "cs-fundamentals", "scopes", "Scopes", after="cs-fundamentals/nowhere")
    assert config.read_text(encoding="utf-8") == before
