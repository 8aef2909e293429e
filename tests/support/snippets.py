"""Where snippets and their expected outputs live, and how outputs are compared.

A lesson's snippets are the `*.py` files directly in `snippets/<module>/<lesson>/`.
Each one's expected output per CPython version is stored in
`output/<name>/<version>.txt` beside it, and `output/<name>.md` is the Markdown
fragment a page includes to show them (version tabs where the versions differ).
Files in sub-folders (the lesson's `try-it/` scripts) are not output snippets:
their own tests run them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.support.interpreters import PYODIDE_VERSION, ROOT, VERSIONS

SNIPPETS = ROOT / "snippets"

# A snippet that cannot run in Pyodide (threads, processes, a real on-disk
# import cache) says so in a comment the reader sees too.
NATIVE_ONLY = re.compile(r"^# Native CPython only: .+$", re.MULTILINE)

# What varies from run to run. Both sides are normalized before comparing, so
# the page keeps the real figures while the test still checks everything else.
# The in-page runner compares a reader's run with the same patterns.
VARIABLE = [
    (re.compile(pattern), replacement)
    for pattern, replacement in json.loads((SNIPPETS / "variable-output.json").read_text(encoding="utf-8"))
]


def discover() -> list[Path]:
    return sorted(
        path for path in SNIPPETS.glob("*/*/*.py") if not path.name.startswith("_")
    )


def snippet_id(snippet: Path) -> str:
    return snippet.relative_to(SNIPPETS).with_suffix("").as_posix()


def versions_for(snippet: Path) -> tuple[str, ...]:
    if NATIVE_ONLY.search(snippet.read_text(encoding="utf-8")):
        return tuple(v for v in VERSIONS if v != PYODIDE_VERSION)
    return VERSIONS


def expected_path(snippet: Path, version: str) -> Path:
    return snippet.parent / "output" / snippet.stem / f"{version}.txt"


def fragment_path(snippet: Path) -> Path:
    return snippet.parent / "output" / f"{snippet.stem}.md"


def normalize(output: str) -> str:
    for pattern, replacement in VARIABLE:
        output = pattern.sub(replacement, output)
    return output


REFRESH = "python -m tests.refresh_outputs"


def stale_output_message(snippet: Path, version: str, printed: str, stored: str) -> str | None:
    """None when `printed` matches the stored output, else what is wrong and the fix."""
    if normalize(printed) == normalize(stored):
        return None
    name = snippet_id(snippet)
    return (
        f"stale output: {name} on Python {version} no longer prints "
        f"{expected_path(snippet, version).relative_to(SNIPPETS)}; "
        f"check the change, then run `{REFRESH} {name}`"
    )


def render_fragment(snippet: Path, outputs: dict[str, str]) -> str:
    """Markdown that shows the stored outputs: one block if all versions agree,
    otherwise a tab per version (tabs with the same label are linked site-wide)."""
    versions = [v for v in VERSIONS if v in outputs]
    include = lambda v: f'--8<-- "{expected_path(snippet, v).relative_to(SNIPPETS).as_posix()}"'
    if len({outputs[v] for v in versions}) == 1:
        label = _version_list(versions)
        return f'```text title="Output (the same on {label})"\n{include(versions[0])}\n```\n'
    return "\n".join(f'=== "{v}"\n\n    ```text\n    {include(v)}\n    ```\n' for v in versions)


def _version_list(versions: list[str]) -> str:
    names = [f"Python {v}" if i == 0 else v for i, v in enumerate(versions)]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def stored_outputs(snippet: Path) -> dict[str, str]:
    return {
        version: expected_path(snippet, version).read_text(encoding="utf-8")
        for version in versions_for(snippet)
        if expected_path(snippet, version).exists()
    }
