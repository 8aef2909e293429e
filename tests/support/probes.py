"""Run a few lines of Python on one build, natively or in Pyodide: what a
lesson's tests use to check a claim its recorded outputs cannot show."""

import importlib.util
import subprocess
import sys

from course import interpreters
from course.interpreters import PYODIDE_PACKAGES
from tests.support.skips import require_version


def run_on(version, script, tmp_path, *options):
    """Run `script` (source text) on `version`: natively, or in Pyodide."""
    require_version(version)
    path = tmp_path / f"probe_{version.replace('.', '_')}.py"
    path.write_text(script, encoding="utf-8")
    if version in PYODIDE_PACKAGES:
        assert not options, "Pyodide runs take no interpreter options"
        run = interpreters.run_pyodide([path], version)[path]
        assert run.ok, run.output
        return run.output
    done = subprocess.run(
        [interpreters.find_native(version), *options, str(path)],
        cwd=tmp_path,
        env=interpreters.CLEAN_ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def run_native(version, code):
    """Run `code` with `python -c` on a native build; the finished process."""
    require_version(version)
    return subprocess.run(
        [interpreters.find_native(version), "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=interpreters.CLEAN_ENV,
    )


def exercise_verdict(try_it, number, code, tmp_path, python=None, imports=""):
    """Check `code` as exercise `number` of the lesson whose try-it folder is
    `try_it`, as a learner does (`python exercises.py answers.py`), on
    `python` (the tests' own by default): the line it prints for that exercise."""
    answers = tmp_path / "answers.py"
    answers.write_text(f"{imports}\n# %% Exercise {number}: the answer\n{code}", encoding="utf-8")
    done = subprocess.run(
        [python or sys.executable, try_it / "exercises.py", answers],
        capture_output=True,
        text=True,
        timeout=120,
        env=interpreters.CLEAN_ENV,
    )
    said = [line.strip() for line in done.stdout.splitlines() if line.strip().startswith(("PASS", "FAIL"))]
    return next(line for line in said if line[4:].lstrip().startswith(f"{number}. "))


def exercise_checks(try_it):
    """A lesson's exercises.py (in `try_it`) as a module, its checker beside it
    importable: to call its checks and cases directly."""
    checker_folder = str(try_it.parent.parent)  # snippets/<module>, where exercise_checker.py is
    sys.path.insert(0, checker_folder)
    try:
        spec = importlib.util.spec_from_file_location(f"exercises_{try_it.parent.name}", try_it / "exercises.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(checker_folder)
    return module
