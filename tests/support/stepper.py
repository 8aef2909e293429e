"""The stepper's runs, checked inside the Python that made them: a program
holding the stepper (docs/assets/explorer/stepper.py) and its checker
(tests/support/stepper_check.py), run natively or in Pyodide as the page runs it."""

from __future__ import annotations

import json

from course import interpreters

STEPPER_PY = interpreters.ROOT / "docs/assets/explorer/stepper.py"
DRIVER_PY = interpreters.ROOT / "docs/assets/runner/driver.py"
CHECK_PY = interpreters.ROOT / "tests/support/stepper_check.py"


def program(sources: list[str]) -> str:
    """A program that steps through each source and prints the checker's
    report of it, one JSON line each. In Pyodide, `__main__` holds driver.py's
    globals (the stepper uses its _Restored) as in the page's worker; natively
    the program loads driver.py itself."""
    read = lambda path: path.read_text(encoding="utf-8")  # noqa: E731
    return (
        "import __main__\n"
        "if '_Restored' not in vars(__main__):\n"
        f"    exec({read(DRIVER_PY)!r}, vars(__main__))\n"
        f"exec({read(STEPPER_PY)!r}, vars(__main__))\n"
        "checker = {}\n"
        f"exec({read(CHECK_PY)!r}, checker)\n"
        f"for source in {sources!r}:\n"
        "    print(__import__('json').dumps(checker['check'](source, __main__.step, __main__.Recorder)))\n"
    )


def reports(printed: str) -> list[dict]:
    return [json.loads(line) for line in printed.splitlines() if line.startswith("{")]
