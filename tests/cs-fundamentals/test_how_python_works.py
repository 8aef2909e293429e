"""The lesson "How Python Works": its sections, its instruction table, its
figure, and its try-it scripts (examples, exercises and solutions)."""

import json
import re
import subprocess

import pytest

from tests.support import figures, interpreters
from tests.support.interpreters import NATIVE_VERSIONS, PYODIDE_VERSION, ROOT, VERSIONS
from tests.support.skips import require_version

PAGE = ROOT / "docs/cs-fundamentals/how-python-works/index.md"
TRY_IT = ROOT / "snippets/cs-fundamentals/how-python-works/try-it"
SECTIONS = [
    "objectives", "source-to-execution", "parsing", "code-objects", "virtual-machine",
    "stack-machine", "adaptive-interpreter", "jit", "reading-dis", "instructions",
    "pyc-files", "gil", "gil-protects", "gil-race", "switch-interval", "gil-measured",
    "gil-options", "implementations", "performance", "import", "misconceptions",
    "try-it", "key-takeaways", "further-reading",
]


def built_page(built_site):
    site, _ = built_site
    return (site / "cs-fundamentals/how-python-works/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("section", SECTIONS)
def test_page_has_section_with_stable_id(section, built_site):
    assert f'id="{section}"' in built_page(built_site), f"section #{section} is missing"


def test_differing_outputs_are_shown_in_linked_version_tabs(built_site):
    html = built_page(built_site)
    dis_add = html[html.index('id="reading-dis"'):html.index('id="instructions"')]
    labels = re.findall(r'<label for="__tabbed_[^"]+">([^<]+)</label>', dis_add)
    assert labels[:4] == list(VERSIONS), labels
    assert "LOAD_FAST_BORROW_LOAD_FAST_BORROW" in dis_add and "BINARY_OP" in dis_add


# --- The instruction table, checked against each interpreter's dis.opmap ---

TABLE_ROW = re.compile(r"^\| `([A-Z_]+)` \|[^|]+\|" + r"\s*([✓—])\s*\|" * len(VERSIONS) + r"\s*$", re.MULTILINE)
LIST_OPCODES = "import dis, json; print(json.dumps(sorted(dis.opmap)))\n"


def table_rows():
    rows = TABLE_ROW.findall(PAGE.read_text(encoding="utf-8"))
    assert len(rows) >= 20, "the instruction table was not found on the page"
    return {name: dict(zip(VERSIONS, marks)) for name, *marks in rows}


@pytest.fixture(scope="module")
def opcodes_by_version(tmp_path_factory):
    script = tmp_path_factory.mktemp("opmap") / "opmap.py"
    script.write_text(LIST_OPCODES)
    found = {}
    for version in NATIVE_VERSIONS:
        if interpreters.missing_reason(version) is None:
            run = interpreters.run_native(interpreters.find_native(version), script)
            found[version] = set(json.loads(run.output))
    if interpreters.missing_reason(PYODIDE_VERSION) is None:
        found[PYODIDE_VERSION] = set(json.loads(interpreters.run_pyodide([script])[script].output))
    return found


@pytest.mark.parametrize("version", VERSIONS)
def test_instruction_table_matches_dis_opmap(version, opcodes_by_version):
    require_version(version)
    wrong = [
        f"{name}: table says {marks[version]}, dis.opmap says {'✓' if name in opcodes_by_version[version] else '—'}"
        for name, marks in table_rows().items()
        if (marks[version] == "✓") != (name in opcodes_by_version[version])
    ]
    assert not wrong, f"instruction table is wrong for {version}:\n" + "\n".join(wrong)


def test_gil_chart_is_drawn_from_the_stored_timings():
    for source, figure, title in figures.FIGURES:
        assert (ROOT / figure).read_text(encoding="utf-8") == figures.drawn(source, title), (
            f"{figure} is stale: run `python -m tests.refresh_outputs gil_timings`"
        )


# --- examples.py, exercises.py and the solutions ----------------------------

def run_script(version, *args, env=None):
    require_version(version)
    return subprocess.run(
        [interpreters.find_native(version), *map(str, args)], cwd=TRY_IT, capture_output=True,
        text=True, timeout=180, env={**interpreters.CLEAN_ENV, **(env or {})},
    )


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_examples_script_narrates_every_part(version):
    run = run_script(version, "examples.py")
    assert run.returncode == 0, run.stderr
    assert len(re.findall(r"^=== \d\. ", run.stdout, re.MULTILINE)) == 6
    assert f"Running on Python {version}." in run.stdout


def test_examples_script_runs_on_3_14(pyodide_runs):
    run = interpreters.run_pyodide([TRY_IT / "examples.py"])[TRY_IT / "examples.py"]
    assert run.ok, run.output
    assert "Running on Python 3.14." in run.output


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_reference_solutions_pass_the_checker(version):
    run = run_script(version, "exercises.py", "solutions.py")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "6 of 6 exercises pass." in run.stdout


def test_untouched_answers_fail_with_hints_not_tracebacks():
    run = run_script("3.11", "exercises.py")
    assert run.returncode == 1
    assert "0 of 6 exercises pass." in run.stdout
    assert "Traceback" not in run.stdout + run.stderr
    assert "Hint:" in run.stdout


BROKEN_ANSWERS = {  # exercise number, its broken code, the report it must get
    "syntax error": (1, "def predict_bytecode():\n    return [\n",
                     "FAIL  1. predict the bytecode: syntax error on line"),
    "exception": (2, "def loop_instructions(function):\n    return 1 / 0\n",
                  "FAIL  2. the instructions a loop uses: raised ZeroDivisionError: division by zero (line"),
    "wrong type": (3, "def read_pyc_header(data):\n    return [1, 2]\n",
                   "FAIL  3. read a .pyc header: should return a dict"),
    "endless loop": (6, "def circular_import():\n    while True:\n        pass\n",
                     "FAIL  6. explain a circular import: still running after 3.0 s: is there an endless loop?"),
}


@pytest.mark.parametrize("case", BROKEN_ANSWERS)
def test_broken_learner_code_gets_a_one_line_report(case, tmp_path):
    number, code, report = BROKEN_ANSWERS[case]
    # Break one exercise of an otherwise correct file: the others must still pass.
    header, *sections = re.split(r"(?m)^(?=# %% Exercise )", (TRY_IT / "solutions.py").read_text(encoding="utf-8"))
    sections[number - 1] = f"# %% Exercise {number}: broken on purpose\n{code}\n"
    broken = tmp_path / "answers.py"
    broken.write_text(header + "".join(sections), encoding="utf-8")
    run = run_script("3.11", "exercises.py", broken, env={"EXERCISE_TIME_LIMIT_S": "3"})
    assert run.returncode == 1
    assert report in run.stdout, run.stdout
    assert "5 of 6 exercises pass." in run.stdout, run.stdout
    assert "Traceback" not in run.stdout + run.stderr
