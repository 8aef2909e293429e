"""The lesson "How import Works": what its text claims, checked against
the interpreters and the stored outputs. (What every lesson must do is in
tests/test_lessons.py.)"""

import re
import subprocess

import pytest

from course import interpreters
from course.interpreters import NATIVE_VERSIONS, PYODIDE_PACKAGES, ROOT, VERSIONS
from tests.support.probes import exercise_verdict, run_on
from tests.support.skips import require_version

PAGE = ROOT / "docs/cs-fundamentals/imports/index.md"
LESSON = ROOT / "snippets/cs-fundamentals/imports"
OUTPUT = LESSON / "output"
PHONE_COLUMNS = 72


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


# --- import --------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_main_script_runs_twice_under_two_names(version):
    lines = printed("main_twice", version).splitlines()
    assert lines == [
        "orders.py runs as __main__",
        "orders.py runs as orders",
        "orders.py done as orders",
        "billing.py got TAX_RATE = 0.2",
        "orders.py done as __main__",
        "one module? False",  # asked by orders.py itself, while it runs as __main__
    ]
    assert "which is what `python orders.py` does" not in page_text(), "the command line does not use runpy"


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_run_path_does_what_python_script_does(version, tmp_path):
    """The snippet imitates `python orders.py` with runpy; the real command prints
    the same, its answer to "one module?" included."""
    require_version(version)
    source = (LESSON / "main_twice.py").read_text(encoding="utf-8")
    for name in ("orders", "billing"):
        body = re.search(rf'Path\(folder, "{name}.py"\)\.write_text\(\n((?:\s+".*"\n)+)\)', source).group(1)
        (tmp_path / f"{name}.py").write_text("".join(eval(s) for s in body.split("\n") if s.strip()))
    done = subprocess.run(
        [interpreters.find_native(version), "orders.py"],
        cwd=tmp_path,
        env=interpreters.CLEAN_ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == printed("main_twice", version)


@pytest.mark.parametrize("version", list(PYODIDE_PACKAGES))
def test_pyodide_finders_are_named_as_they_are(version):
    text = printed("import_steps", version)
    assert re.search(r"JsFinder\s+_pyodide._importhook", text)
    windows_finder = re.search(r"WindowsToLinuxPathFinder\s+_pyodide._importhook", text)
    assert bool(windows_finder) == (version == "3.15")  # Pyodide 314.0.8 dropped it
    assert "colorsys was found by: zipimporter" in text
    assert "`JsFinder`" in page_text() and "`WindowsToLinuxPathFinder`" in page_text()


def test_distutils_finder_comes_from_setuptools_not_cpython(tmp_path):
    """Where the 3.11 output shows it, it comes from a .pth file that `site` runs."""
    if "DistutilsMetaFinder" not in printed("import_steps", "3.11"):
        pytest.skip("the stored 3.11 output no longer shows a DistutilsMetaFinder")
    assert re.search(r"DistutilsMetaFinder\s+_distutils_hack", printed("import_steps", "3.11"))
    probe = "import sys\nprint([type(f).__name__ for f in sys.meta_path])\n"
    assert "DistutilsMetaFinder" in run_on("3.11", probe, tmp_path)
    assert "DistutilsMetaFinder" not in run_on("3.11", probe, tmp_path, "-S")
    assert "distutils-precedence.pth" in page_text()


def test_circular_import_message_is_wrapped_to_the_end():
    for version in VERSIONS:
        text = printed("circular_import", version)
        message = text[text.index("ImportError:") : text.index("orders still in sys.modules?")]
        assert " ".join(message.split()).endswith("(most likely due to a circular import) (<folder>/orders.py)")
        assert all(len(line) <= PHONE_COLUMNS for line in text.splitlines())


@pytest.mark.parametrize("version", VERSIONS)
def test_sys_path_shape(version):
    lines = printed("sys_path", version).splitlines()
    assert lines[0] == ("'' (the current folder)" if version in PYODIDE_PACKAGES else "<script folder>")
    assert lines[-1].endswith(f"/lib/python{version}/site-packages")
    assert any(line.endswith(f"python{version.replace('.', '')}.zip") for line in lines)


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_site_adds_site_packages(version, tmp_path):
    script = (LESSON / "sys_path.py").read_text(encoding="utf-8")
    assert "site-packages" in run_on(version, script, tmp_path)
    assert "site-packages" not in run_on(version, script, tmp_path, "-S")


# --- What 3.15 adds --------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_lazy_import_loads_on_first_use(version):
    text = printed("lazy_import", version)
    if version != "3.15":
        assert text == f"`lazy import` needs Python 3.15; this is {version}.\n"
        return
    assert re.search(r"IMPORT_NAME\s+\d+ \(json \+ lazy\)", text)
    lines = text.splitlines()
    order = [
        lines.index(line)
        for line in (
            "after `lazy import heavy`: loaded? False",
            "  (heavy.py runs now)",
            "first use: 42",
            "after first use: loaded? True",
            "  the name holds a module",
        )
    ]
    assert order == sorted(order)


def test_lazy_import_is_module_level_only_and_fails_at_first_use(tmp_path):
    probe = (
        "for source in ('def f():\\n    lazy import os\\n',\n"
        "               'try:\\n    lazy import os\\nexcept ImportError:\\n    pass\\n'):\n"
        "    try:\n        compile(source, 's', 'exec')\n"
        "    except SyntaxError as error:\n        print('SyntaxError:', error.msg)\n"
        "namespace = {}\n"
        "exec('lazy import no_such_module_here\\nprint(\"bound\")', namespace)\n"
        "try:\n    exec('no_such_module_here.x', namespace)\n"
        "except ModuleNotFoundError:\n    print('fails at first use')\n"
    )
    out = run_on("3.15", probe, tmp_path)
    assert "lazy import not allowed inside functions" in out
    assert "lazy import not allowed inside try/except blocks" in out
    assert "bound\nfails at first use" in out
    assert "only at module level, not inside functions or `try` blocks" in page_text()


def test_further_reading_cites_the_new_peps():
    reading = PAGE.read_text(encoding="utf-8").split("{ #further-reading }")[1]
    for source in ("pep-0810",):
        assert source in reading, source


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_a_virtual_environment_leaves_the_per_user_folder_out(version, tmp_path):
    """The text: inside a venv, no per-user site-packages; outside, it is added."""
    require_version(version)
    python = interpreters.find_native(version)
    subprocess.run([python, "-m", "venv", "--without-pip", tmp_path / "env"], check=True, timeout=60)
    asks = ["-c", "import site; print(site.ENABLE_USER_SITE)"]
    inside = subprocess.run(
        [tmp_path / "env/bin/python", *asks], capture_output=True, text=True, env=interpreters.CLEAN_ENV
    )
    outside = subprocess.run([python, *asks], capture_output=True, text=True, env=interpreters.CLEAN_ENV)
    assert (inside.stdout, outside.stdout) == ("False\n", "True\n")
    assert "A virtual environment leaves your per-user folder out" in page_text()


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_importtime_shows_re_as_most_of_jsons_cost(version):
    rows = re.findall(r"^( *)([\w.]+): ([\d.]+) ms with its imports", printed("import_time", version), re.MULTILINE)
    tree = {name: (len(indent) // 2, float(ms)) for indent, name, ms in rows}
    assert tree["json"][0] == 0 and tree["json.decoder"][0] == 1 and tree["re"][0] == 2
    assert tree["re"][1] > tree["json"][1] / 2, "the text: most of json's cost is re"
    assert "Most of `json`'s cost is `re`" in page_text()


WRONG_SEARCHES = {
    "the last folder wins": (
        "def found_by_import(name, path):\n    found = None\n    for folder in path:\n"
        "        for c in (os.path.join(folder, name, '__init__.py'), os.path.join(folder, name + '.py')):\n"
        "            if os.path.isfile(c):\n                found = c\n                break\n    return found\n"
    ),
    "a module before a package": (
        "def found_by_import(name, path):\n    for folder in path:\n"
        "        for c in (os.path.join(folder, name + '.py'), os.path.join(folder, name, '__init__.py')):\n"
        "            if os.path.isfile(c):\n                return c\n"
    ),
    "any folder is a package": (
        "def found_by_import(name, path):\n    for folder in path:\n"
        "        if os.path.isdir(os.path.join(folder, name)):\n"
        "            return os.path.join(folder, name, '__init__.py')\n"
        "        if os.path.isfile(os.path.join(folder, name + '.py')):\n"
        "            return os.path.join(folder, name + '.py')\n"
    ),
}


@pytest.mark.parametrize("case", WRONG_SEARCHES)
def test_the_search_check_fails_wrong_answers(case, tmp_path):
    said = exercise_verdict(LESSON / "try-it", 2, WRONG_SEARCHES[case], tmp_path, imports="import os\n")
    assert said.startswith("FAIL") and "Hint: " in said, said


SLOWEST_WRONG = {
    "the largest total": (
        "def slowest_import(report):\n"
        "    rows = [line.split('|') for line in report.splitlines()[1:]]\n"
        "    return max(rows, key=lambda row: int(row[1]))[2].strip()\n"
    ),
    "the indent kept": (
        "def slowest_import(report):\n"
        "    rows = [line.removeprefix('import time:').split('|') for line in report.splitlines()[1:]]\n"
        "    return max(rows, key=lambda row: int(row[0]))[2]\n"
    ),
    "compared as text": (
        "def slowest_import(report):\n"
        "    rows = [line.removeprefix('import time:').split('|') for line in report.splitlines()[1:]]\n"
        "    return max(rows, key=lambda row: row[0].strip())[2].strip()\n"
    ),
}


@pytest.mark.parametrize("case", SLOWEST_WRONG)
def test_the_importtime_check_fails_wrong_answers(case, tmp_path):
    said = exercise_verdict(LESSON / "try-it", 3, SLOWEST_WRONG[case], tmp_path)
    assert said.startswith("FAIL") and "Hint: " in said, said
