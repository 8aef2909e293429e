"""What the bytecode explorer lists for some code, computed outside a browser:
its own Python (docs/assets/explorer/bytecode.py) run in the Pyodide build of
a series under Node, as the explorer's worker runs it."""

from __future__ import annotations

import base64
import re

import pytest

from course import interpreters, runtime

BYTECODE_PY = interpreters.ROOT / "docs/assets/explorer/bytecode.py"
NEXT_CODE = "(the next code)"  # printed after each code's listing
ADDRESS = re.compile(r"0x[0-9a-f]+")


def program(codes: list[str], runs: int = 0) -> str:
    """A program that prints what the explorer lists for each code, each
    followed by NEXT_CODE. It runs under driver.py, whose globals (`__main__`'s)
    bytecode.py shares, as in the explorer's worker."""
    return (
        "import __main__\n"
        f"exec({BYTECODE_PY.read_text(encoding='utf-8')!r}, vars(__main__))\n"
        f"for code in {codes!r}:\n"
        f"    listing, problem, _ = __main__.explore(code, {runs}, 10**6)\n"
        "    print(listing if not problem else 'PROBLEM: ' + problem)\n"
        f"    print({NEXT_CODE!r})\n"
    )


def encode_code(code: str) -> str:
    """As the explorer's address holds code: base64url of its UTF-8, no padding."""
    return base64.urlsafe_b64encode(code.encode("utf-8")).decode("ascii").rstrip("=")


def without_addresses(text: str) -> str:
    """A listing as it compares between two runs: the addresses of code
    objects differ from one run to the next."""
    return ADDRESS.sub("0x…", text)


def require_runtimes() -> None:
    """Skip when a series' Pyodide is not installed (a machine set up to
    serve without them); in CI, fail instead."""
    missing = [name for name in runtime.PACKAGES.values() if not (interpreters.ROOT / "node_modules" / name).is_dir()]
    if missing:
        (pytest.fail if interpreters.IN_CI else pytest.skip)(f"the explorer's runtimes need `npm ci`: {missing}")
