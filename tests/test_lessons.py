"""What every lesson must have and do: the lesson contract, its sections, its
try-it scripts, and a friendly report for each kind of broken learner code."""

import json
import posixpath
import re
import subprocess

import jupytext
import nbformat
import pytest
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from course import contract, exercises, figures, interpreters, lessons, runtime
from course.errors import CourseError
from course.interpreters import NATIVE_VERSIONS, ROOT
from hooks.lessons import HEADING, MINUTES_PER_EXERCISE, MINUTES_PER_QUIZ_QUESTION, check_lesson, lesson_time
from hooks.notebook_pages import numbered_notebook
from tests.conftest import mkdocs_build
from tests.support.skips import require_version

LESSONS = lessons.discover()
IN_PAGE = runtime.describe(ROOT)["series"]  # each block shows its output first
ANY_HEADING = re.compile(r"^#{1,6} .*$", re.MULTILINE)
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def test_there_are_lessons():
    found = {str(lesson) for lesson in LESSONS}
    assert found >= {
        "cs-fundamentals/names-and-objects",
        "cs-fundamentals/object-layout",
        "cs-fundamentals/memory-management",
        "cs-fundamentals/memory-in-practice",
        "cs-fundamentals/source-to-bytecode",
        "cs-fundamentals/virtual-machine",
        "cs-fundamentals/functions-and-frames",
        "cs-fundamentals/imports",
        "cs-fundamentals/gil-and-concurrency",
    }
    assert "cs-fundamentals/how-python-works" not in found, "the chapter's page is not a lesson"
    assert "cs-fundamentals/memory-architecture" not in found, "the chapter's page is not a lesson"


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_lesson_declares_its_metadata(lesson):
    check_lesson(lesson.source, lesson.metadata())  # raises, naming the missing key


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_lesson_meets_the_lesson_contract(lesson):
    assert not contract.shortfalls(lesson), "\n".join(contract.shortfalls(lesson))


def test_the_contract_names_the_lesson_the_count_and_the_minimum(monkeypatch):
    monkeypatch.setitem(contract.MINIMUMS, "exercises", 99)
    found = contract.counts(LESSONS[0])["exercises"]
    assert contract.shortfalls(LESSONS[0]) == [
        f"{LESSONS[0]} has {found} exercises; the lesson contract (course/contract.py) asks for at least 99"
    ]


def test_the_contract_names_an_objective_left_unpractised(monkeypatch):
    lesson = LESSONS[0]
    metadata = lesson.metadata()
    objectives = metadata["lesson"]["objectives"]
    metadata["lesson"]["objectives"] = [*objectives, "an objective nothing practises"]
    monkeypatch.setattr(type(lesson), "metadata", lambda self: metadata)
    assert contract.shortfalls(lesson) == [
        f"{lesson}: objective {len(objectives) + 1} has no exercise or checkpoint; the lesson contract asks for one "
        f"(a prompt line `# Objective: {len(objectives) + 1}` in try-it/answers.py, "
        f"or `objective: {len(objectives) + 1}` in checkpoints.yml)"
    ]


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_lesson_has_its_three_places(lesson):
    assert lesson.snippets.is_dir(), f"{lesson}: no {lesson.snippets.relative_to(ROOT)}/"
    assert lesson.tests.is_file(), f"{lesson}: no {lesson.tests.relative_to(ROOT)}"
    for script in ("examples.py", "answers.py", "exercises.py", "solutions.py"):
        assert (lesson.try_it / script).is_file(), f"{lesson}: no try-it/{script}"
    notebook = lesson.page.parent / "notebook.py"
    assert notebook.resolve() == (lesson.try_it / "examples.py").resolve(), (
        f"{lesson}: notebook.py must link to try-it/examples.py"
    )


PAGES = sorted(p.relative_to(lessons.DOCS).as_posix() for p in lessons.DOCS.rglob("*.md"))
CODE_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\{[^}]*\.)?(python|py|pycon)\b", re.MULTILINE)


@pytest.mark.parametrize("page", PAGES)
def test_no_python_is_typed_into_a_page(page):
    """Code shown on the site comes from tested files: a page shows it with
    ::snippet[...], which also gives it Run and its recorded output."""
    typed = [m.group(0).strip() for m in CODE_FENCE.finditer((lessons.DOCS / page).read_text(encoding="utf-8"))]
    assert not typed, (
        f"{page}: Python typed into the page ({typed}); put it in snippets/ and show it with ::snippet[...]"
    )


@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_a_stable_id(page):
    text = FENCED.sub("", (lessons.DOCS / page).read_text(encoding="utf-8"))
    loose = [h for h in ANY_HEADING.findall(text) if not re.search(r"\{ #[\w-]+( [\w-]+)* \}\s*$", h)]
    assert not loose, f"{page}: give these headings an explicit id, like '## Title {{ #title }}': {loose}"


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_built_lesson_has_every_section_overview_and_takeaways(lesson, built_site):
    site, _ = built_site
    html = (site / lesson.built).read_text(encoding="utf-8")
    anchors = [anchor for _, _, anchor in HEADING.findall(lesson.page.read_text(encoding="utf-8"))]
    for anchor in ["objectives", "key-takeaways", *anchors]:
        assert f'id="{anchor}"' in html, f"{lesson}: section #{anchor} is missing from the built page"
    minutes = computed_minutes(site, lesson)
    assert "By the end of this lesson you can:" in html and "Key takeaways" in html
    assert f"{minutes['reading']} min reading, {minutes['exercises']} min exercises" in html
    assert html.index('id="objectives"') < html.index('id="key-takeaways"') < html.index('id="further-reading"')
    assert ("Next lesson" in html) or ("Previous lesson" in html)


def test_lessons_link_to_each_other_in_module_order(built_site):
    """Each lesson names the one before it, in the nav's order (the next one is
    held by test_one_next_lesson_at_the_end_of_each_lesson)."""
    site, _ = built_site
    in_order = json.loads((site / "syllabus.json").read_text(encoding="utf-8"))["lessons"]
    for before, lesson in zip(in_order, in_order[1:]):
        html = (site / lesson["url"] / "index.html").read_text(encoding="utf-8")
        found = re.search(r'Previous lesson:</strong> <a href="([^"]+)">(.*?)</a>', html)
        assert found, f"{lesson['url']}: no previous lesson named"
        href, title = found[1], re.sub(r"<[^>]+>", "", found[2])
        assert (href, title) == (f"../{before['url'].split('/')[-2]}/", before["title"]), lesson["url"]


def test_module_and_home_pages_list_lessons_from_metadata(built_site):
    site, _ = built_site
    for page in ("index.html", "cs-fundamentals/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        table = re.sub(
            r"<(?!/?a\b)[^>]+>", "", html[html.index("<table>") : html.index("</table>")]
        )  # keep links, drop tooltips
        order = [
            table.index(f">{title}</a>")
            for title in (
                "Names, Identity and Copies",
                "Sizes and Layout",
                "How CPython Frees Memory",
                "Allocators, Measurement and the Hardware",
                "From Source to Bytecode",
            )
        ]
        assert order == sorted(order), f"{page}: not in module order"
        for lesson in LESSONS:
            meta = lesson.metadata()
            assert " ".join(meta["description"].split())[:60] in table, f"{page}: {lesson} description missing"
            assert f"{computed_minutes(site, lesson)['reading']} min reading" in table


def computed_minutes(site, lesson):
    """The lesson's time as the build computed it (syllabus.json)."""
    syllabus = json.loads((site / "syllabus.json").read_text(encoding="utf-8"))["lessons"]
    return next(item["minutes"] for item in syllabus if item["url"] == lesson.url)


# --- Time: computed, not typed ----------------------------------------------------


def write_snippet(base, code, outputs):
    """A snippet m/l/demo.py under `base` with its recorded outputs."""
    path = base / "m/l/demo.py"
    path.parent.mkdir(parents=True)
    path.write_text(code, encoding="utf-8")
    for version, output in outputs.items():
        (base / "m/l/output/demo").mkdir(parents=True, exist_ok=True)
        (base / f"m/l/output/demo/{version}.txt").write_text(output, encoding="utf-8")


def test_reading_time_counts_prose_at_200_words_and_code_at_5_seconds_a_line(tmp_path):
    prose = "## Part { #part }\n\n" + "word " * 396 + "\n\n::snippet[m/l/demo.py:part]\n"
    demo = "skipped = 1\n# --8<-- [start:part]\n" + "x = 1\n\n" * 12 + "# --8<-- [end:part]\n"
    write_snippet(tmp_path, demo, {version: "y\n" * 12 for version in interpreters.VERSIONS})
    answers = tmp_path / "answers.py"
    answers.write_text("# %% Exercise 1: one\n# %% Exercise 2: two\n", encoding="utf-8")
    quiz = tmp_path / "quiz.yml"
    question = "- question: q\n  choices: [y]\n  snippet: demo.py\n  why: w\n  section: part\n"
    quiz.write_text(question * 5, encoding="utf-8")
    time = lesson_time(prose + "\n::quiz[m/l]\n", tmp_path, answers, quiz, "3.14")
    # 398 words (the heading's too) = 1.99 min, 12 code and 12 output lines = 2 min: 3.99, rounded up.
    # The quiz is practice: a minute a question, and none of the reading.
    assert time == {
        "reading": 4,
        "exercises": 2 * MINUTES_PER_EXERCISE + 5 * MINUTES_PER_QUIZ_QUESTION,
        "exercise_count": 2,
        "quiz_count": 5,
    }


def test_a_repeated_exercise_number_is_named_with_its_file_and_line(tmp_path):
    answers = tmp_path / "answers.py"
    answers.write_text("# %% Exercise 1: one\n\n# %% Exercise 2: two\n# %% Exercise 2: again\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"answers\.py:4: '# %% Exercise 2' repeats an earlier number"):
        exercises.numbers(answers)


def test_a_snippets_outputs_count_the_build_shown(tmp_path):
    write_snippet(tmp_path, "", {v: f"{v}\n" * (60 if v == "3.14" else 300) for v in interpreters.VERSIONS})
    no_exercises = tmp_path / "answers.py"
    no_exercises.write_text("", encoding="utf-8")
    no_quiz = tmp_path / "quiz.yml"
    assert lesson_time("::snippet[m/l/demo.py]\n", tmp_path, no_exercises, no_quiz, "3.14")["reading"] == 5  # 60 lines


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_built_lesson_times_come_from_its_text_and_exercises(lesson, built_site):
    site, _ = built_site
    override = lesson.metadata()["lesson"].get("minutes", {})
    answers = lesson.try_it / "answers.py"
    markdown = get_data(lesson.page.read_text(encoding="utf-8"))[0]
    computed = lesson_time(markdown, ROOT / "snippets", answers, lesson.page.with_name("quiz.yml"), IN_PAGE)
    markers = re.findall(r"^# %% Exercise \d+", answers.read_text(encoding="utf-8"), re.MULTILINE)
    assert computed["exercise_count"] == len(markers) > 0
    assert computed["quiz_count"] >= 5
    assert computed_minutes(site, lesson) == {key: override.get(key, computed[key]) for key in ("reading", "exercises")}


@pytest.mark.parametrize(
    "override, accepted",
    [
        ({"exercises": 60, "reason": "exercise 5 times a slow computation"}, True),
        ({"exercises": 60}, False),
        ({"exercises": 60, "reason": " "}, False),
        ({"exercise": 60, "reason": "a typo in the key"}, False),
        ({"reading": "an hour", "reason": "not whole minutes"}, False),
        ({"reason": "a reason for nothing"}, False),
    ],
)
def test_a_lesson_overrides_its_time_only_with_a_reason(override, accepted):
    meta = {
        "title": "T",
        "description": "D",
        "lesson": {"objectives": ["o"], "prerequisites": ["p"], "takeaways": ["t"], "minutes": override},
    }
    if accepted:
        assert check_lesson("m/l/index.md", meta)["minutes"] == override
    else:
        with pytest.raises(PluginError, match="m/l/index.md: lesson front matter .*'minutes"):
            check_lesson("m/l/index.md", meta)


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_objectives_and_takeaways_boxes_use_body_text_size(lesson, built_site):
    site, _ = built_site
    html = (site / lesson.built).read_text(encoding="utf-8")
    assert html.count('class="admonition abstract lesson-box"') == 1
    assert html.count('class="admonition success lesson-box"') == 1
    # The site's stylesheets are served as one, minified (hooks/one_stylesheet.py).
    assert re.search(r'<link rel="stylesheet" href="[./]*assets/site-styles.css">', html)
    css = (site / "assets/site-styles.css").read_text(encoding="utf-8")
    assert re.search(r"\.md-typeset \.admonition\.lesson-box\s*\{\s*font-size:\s*inherit", css)


# --- Navigation ------------------------------------------------------------------

FOOTER_LINK = re.compile(r'href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"')


def footer(site, page):
    """The footer's {"prev": href, "next": href} of a built page."""
    return {kind: href for href, kind in FOOTER_LINK.findall((site / page).read_text(encoding="utf-8"))}


def test_footer_goes_from_page_to_page_without_the_notebooks(built_site):
    site, _ = built_site
    for page in site.rglob("index.html"):
        for href in footer(site, page.relative_to(site)).values():
            assert "notebook" not in href, f"{page.relative_to(site)}: footer links to a notebook ({href})"
    assert footer(site, "index.html")["next"] == "cs-fundamentals/"
    memory, last, python = (
        f"cs-fundamentals/{name}/index.html"
        for name in ("memory-architecture", "memory-in-practice", "how-python-works")
    )
    assert footer(site, memory)["next"] == "../names-and-objects/"  # a chapter page leads into its first lesson
    assert footer(site, last)["next"] == "../how-python-works/"
    assert footer(site, python)["prev"] == "../memory-in-practice/"


def test_notebook_footer_leads_back_to_its_lesson(built_site):
    site, _ = built_site
    for lesson in LESSONS:
        assert footer(site, f"{lesson.url}notebook/index.html")["prev"] == "../"


def test_one_next_lesson_at_the_end_of_each_lesson(built_site):
    """The takeaways name the next lesson; the footer agrees; nothing else says next."""
    site, _ = built_site
    in_order = [item["url"] for item in json.loads((site / "syllabus.json").read_text(encoding="utf-8"))["lessons"]]
    for url, after in zip(in_order, in_order[1:]):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        link = f"../{after.split('/')[-2]}/"
        step = footer(site, url + "index.html")["next"]
        assert f'<link rel="next" href="{step}"' in html
        assert html.count("Next lesson:") + html.count("Next chapter:") == 1, url
        if step == link:
            assert f'Next lesson:</strong> <a href="{link}"' in html, url
        else:  # the page of a chapter comes first, then its first lesson
            assert f'Next chapter:</strong> <a href="{step}"' in html, url
            chapter = posixpath.normpath(posixpath.join(url, step)) + "/"
            assert chapter not in in_order and footer(site, chapter + "index.html")["next"] == link, (url, step)


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_notebook_downloads_as_ipynb_and_py(lesson, built_site):
    site, _ = built_site
    folder = site / lesson.url / "notebook"
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="notebook.ipynb"' in html and 'href="notebook.py"' in html
    downloaded = jupytext.read(folder / "notebook.ipynb")
    nbformat.validate(downloaded)  # what Jupyter checks when it opens the file
    source = jupytext.read(lesson.try_it / "examples.py")
    assert [(c.cell_type, c.source) for c in downloaded.cells] == [(c.cell_type, c.source) for c in source.cells]
    assert [c.id for c in downloaded.cells] == [f"cell-{n}" for n in range(1, len(source.cells) + 1)]
    assert downloaded.metadata["kernelspec"]["name"] == "python3"
    ids = re.findall(r'id="cell-id=([\w-]+)"', html)
    assert ids == [f"cell-{n}" for n in range(1, len(ids) + 1)] and ids, "notebook page cell ids are not numbered"


def test_notebook_cell_ids_are_the_same_every_time(tmp_path):
    source = LESSONS[0].try_it / "examples.py"
    assert numbered_notebook(source) == numbered_notebook(source)


def test_incomplete_lesson_metadata_fails_the_build_naming_file_and_key(project_copy, tmp_path):
    project = project_copy
    page = project / "docs/cs-fundamentals/names-and-objects/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"  takeaways:\n(    - .*\n)+", "", text, count=1), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "cs-fundamentals/names-and-objects/index.md: lesson front matter lacks 'takeaways'" in build.stderr


def test_figures_are_drawn_from_their_stored_outputs():
    for source, figure, title in figures.FIGURES:
        assert (ROOT / figure).read_text(encoding="utf-8") == figures.drawn(source, title), (
            f"{figure} is stale: run `python -m course record`"
        )


# --- The try-it scripts ------------------------------------------------------


def run_script(lesson, version, *args, env=None):
    require_version(version)
    return subprocess.run(
        [interpreters.find_native(version), *map(str, args)],
        cwd=lesson.try_it,
        capture_output=True,
        text=True,
        timeout=180,
        env={**interpreters.CLEAN_ENV, **(env or {})},
    )


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_examples_script_narrates_every_part(lesson, version):
    run = run_script(lesson, version, "examples.py")
    assert run.returncode == 0, run.stderr
    assert f"Running on Python {version}." in run.stdout
    parts = len(re.findall(r"^# %% \[markdown\]\n# ## ", (lesson.try_it / "examples.py").read_text(), re.MULTILINE))
    assert len(re.findall(r"^=== \d\. ", run.stdout, re.MULTILINE)) == parts > 0


@pytest.mark.parametrize("version", interpreters.PYODIDE_PACKAGES)
@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_examples_script_runs_in_pyodide(lesson, version, pyodide_runs):
    run = pyodide_runs[version][lesson.try_it / "examples.py"]
    assert run.ok, run.output
    assert f"Running on Python {version}." in run.output


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_reference_solutions_pass_the_checker(lesson, version):
    run = run_script(lesson, version, "exercises.py", "solutions.py")
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"^(\d+) of \1 exercises pass\.$", run.stdout, re.MULTILINE), run.stdout


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_untouched_answers_fail_with_hints_not_tracebacks(lesson):
    run = run_script(lesson, "3.11", "exercises.py")
    assert run.returncode == 1
    assert re.search(r"^0 of \d+ exercises pass\.$", run.stdout, re.MULTILINE), run.stdout
    assert "Traceback" not in run.stdout + run.stderr
    assert "Hint:" in run.stdout


# Each kind of broken code, added to one exercise of the correct solutions,
# whatever that exercise asks for (what a check says of a wrong answer is the
# lesson's own; tests/test_exercise_checker.py covers the checker's messages).
BROKEN = {
    "syntax error": (1, "def oops(:\n", "syntax error on line"),
    "exception": (2, "1 / 0\n", "raised ZeroDivisionError: division by zero (line"),
    "endless loop": (6, "while True:\n    pass\n", "still running after 3 s: is there an endless loop?"),
}


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_broken_learner_code_gets_a_one_line_report(lesson, case, tmp_path):
    number, code, report = BROKEN[case]
    header, *sections = re.split(
        r"(?m)^(?=# %% Exercise )", (lesson.try_it / "solutions.py").read_text(encoding="utf-8")
    )
    number = (number - 1) % len(sections) + 1  # a lesson with fewer exercises breaks an earlier one
    sections[number - 1] += "\n" + code
    broken = tmp_path / "answers.py"
    broken.write_text(header + "".join(sections), encoding="utf-8")
    run = run_script(lesson, "3.11", "exercises.py", broken, env={"EXERCISE_TIME_LIMIT_S": "3"})
    total = len(sections)
    assert run.returncode == 1
    assert re.search(rf"^  FAIL  {number}\. .*{re.escape(report)}", run.stdout, re.MULTILINE), run.stdout
    assert f"{total - 1} of {total} exercises pass." in run.stdout, run.stdout
    assert "Traceback" not in run.stdout + run.stderr


PHONE_COLUMNS = 72  # issue 9: the point of a line must not hide off to the right


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_snippets_and_outputs_fit_72_columns(lesson):
    """Every line a reader sees of a lesson's code and outputs, and of its notebook."""
    files = [*lesson.snippets.glob("*.py"), lesson.try_it / "examples.py", *lesson.snippets.glob("output/*/*.txt")]
    too_wide = [
        f"{path.relative_to(ROOT)}:{number}: {len(line)} columns"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > PHONE_COLUMNS
    ]
    assert not too_wide, "\n".join(too_wide)


def test_shares_are_whole_minutes_that_sum_to_the_total():
    from course import planning

    assert planning.apportion(7, [1.0, 1.0, 1.0]) == [3, 2, 2]
    assert planning.apportion(5, [0.0, 10.0, 30.0]) == [0, 1, 4]
    assert sum(planning.apportion(24, [13.2, 0.4, 88.0, 51.9, 7.7])) == 24
    assert planning.apportion(3, [0.0, 0.0]) == [3, 0]


def test_a_week_plan_keeps_lessons_in_order_and_its_longest_week_as_short_as_it_can_be():
    from course import planning

    assert planning.week_plan([40, 40, 40, 40], 4) == [[0], [1], [2], [3]]
    plan = planning.week_plan([10, 50, 20, 20, 10, 30], 3)
    assert [index for week in plan for index in week] == list(range(6)) and len(plan) == 3
    assert max(sum([10, 50, 20, 20, 10, 30][i] for i in week) for week in plan) == 60
    assert planning.week_plan([30, 30], 4) == [[0], [1]]
