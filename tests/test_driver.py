"""The in-page runner's driver (docs/assets/runner/driver.py), run natively:
each run starts from the interpreter's state before it, whatever the run
before changed, and says how it ended. The browser runs the same file in
Pyodide (tests/browser/test_runner_faults.py)."""

import pytest

from course.interpreters import ROOT

DRIVER = ROOT / "docs/assets/runner/driver.py"


@pytest.fixture
def run(tmp_path, monkeypatch):
    """run(source) -> (how it ended, what it printed), as the browser's Run does."""
    namespace = {"__name__": "driver"}
    exec(compile(DRIVER.read_text(encoding="utf-8"), str(DRIVER), "exec"), namespace)
    namespace["WORKDIR"] = str(tmp_path / "run")
    monkeypatch.chdir(tmp_path)

    def run_one(source):
        printed = []
        ended = namespace["run_snippet"]("/snippet.py", source, printed.append)
        return ended, "".join(printed)

    return run_one


MESSES = {
    "print replaced": "import builtins\nbuiltins.print = lambda *args, **kwargs: None\n",
    "a module patched": "import json\njson.dumps = lambda value: 'patched'\n",
    "the recursion limit lowered": "import sys\nsys.setrecursionlimit(60)\n",
    "a file written": "open('left-behind.txt', 'w').write('x')\n",
    "a module imported and changed": "import colorsys\ncolorsys.ONE_THIRD = 0\n",
}
CHECK = """import json, os, sys
print(json.dumps([1]), os.listdir('.'), sys.getrecursionlimit() > 100)
"""


@pytest.mark.parametrize("mess", MESSES.values(), ids=MESSES.keys())
def test_a_run_starts_clean_whatever_the_run_before_changed(run, mess):
    assert run(mess) == ("ok", "")
    assert run(CHECK) == ("ok", "[1] [] True\n")


def test_a_run_says_how_it_ended(run):
    assert run("print('hi')") == ("ok", "hi\n")
    assert run("import sys\nsys.exit(0)") == ("ok", "")
    assert run("import sys\nsys.exit(3)") == ("exit 3", "")
    assert run("import sys\nsys.exit('bye')") == ("exit 1", "bye\n")  # as python prints it, on stderr
    ended, printed = run("1 / 0")
    assert ended == "raised" and printed.endswith("ZeroDivisionError: division by zero\n")
    assert 'File "/snippet.py", line 1' in printed
