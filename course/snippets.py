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

from tests.support.builds import ABOUT_ANCHOR, BUILDS, DEFAULT_VERSION
from tests.support.interpreters import NATIVE_VERSIONS, ROOT, VERSIONS

SNIPPETS = ROOT / "snippets"
# The class of every output's caption paragraph (docs/assets/outputs.css).
CAPTION_CLASS = "output-caption"
# An output's block: plain text, and no copy button (Material leaves out
# `.no-copy` blocks), so only code offers one: what a reader copies to run.
OUTPUT_CLASSES = ".text .no-copy"

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
        return NATIVE_VERSIONS
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
    """Markdown that shows the stored outputs under an "Output" caption naming
    their builds: one block if all versions agree, otherwise a tab per build.

    Plain Markdown (a paragraph with attributes, then the block), since pages
    include fragments inside admonitions and collapsed blocks too, where raw
    HTML is not parsed. docs/assets/outputs.css styles the caption and the block
    after it as one panel. Tabs with the same label are linked site-wide
    (content.tabs.link), so the labels come from builds.py alone. The caption
    stays out of search: it would repeat on every output.
    """
    versions = [v for v in VERSIONS if v in outputs]
    include = lambda v: f'--8<-- "{expected_path(snippet, v).relative_to(SNIPPETS).as_posix()}"'
    if len({outputs[v] for v in versions}) == 1:
        caption = f"**Output** · the same on [{_build_list(versions)}](#{ABOUT_ANCHOR})"
        body = f"``` {{ {OUTPUT_CLASSES} }}\n{include(versions[0])}\n```\n"
    else:
        caption = f"**Output** · one tab per Python build · [About the builds](#{ABOUT_ANCHOR})"
        first = DEFAULT_VERSION if DEFAULT_VERSION in versions else versions[0]
        body = "\n".join(
            f'==={"+" if v == first else ""} "{BUILDS[v].label}"\n\n    ``` {{ {OUTPUT_CLASSES} }}\n    {include(v)}\n    ```\n'
            for v in versions
        )
    return f'{caption}\n{{ .{CAPTION_CLASS} data-search-exclude="" }}\n\n{body}'


def _build_list(versions: list[str]) -> str:
    """'3.11.7, 3.12.1 (64-bit Linux), 3.14.2 (32-bit WebAssembly)': releases grouped by kind."""
    groups: dict[str, list[str]] = {}
    for version in versions:
        groups.setdefault(BUILDS[version].kind, []).append(BUILDS[version].release)
    return ", ".join(f"{', '.join(releases)} ({kind})" for kind, releases in groups.items())


def stored_outputs(snippet: Path) -> dict[str, str]:
    return {
        version: expected_path(snippet, version).read_text(encoding="utf-8")
        for version in versions_for(snippet)
        if expected_path(snippet, version).exists()
    }
