"""Snippets: the runnable files every code block on the site comes from, and
their recorded outputs. This module is the one reader of both formats.

A lesson's snippets are the `*.py` files directly in
`snippets/<module>/<lesson>/`; files in its sub-folders (`try-it/`) are run by
their own tests. A snippet that cannot run in Pyodide (threads, processes, a
real on-disk import cache) says so in a comment line the reader sees too:
`# Native CPython only: <why>`. A snippet may mark a part the page can show
alone with `# --8<-- [start:name]` and `# --8<-- [end:name]` lines.

What a snippet printed on each CPython series is stored beside it, in
`output/<name>/<series>.txt`, and written only by recording
(`python -m course record`), never by hand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from course.errors import CourseError
from course.interpreters import NATIVE_VERSIONS, ROOT, VERSIONS

SNIPPETS = ROOT / "snippets"
NATIVE_ONLY = re.compile(r"^# Native CPython only: (.+)$", re.MULTILINE)
SECTION_MARK = re.compile(r"^\s*# --8<-- \[(start|end):(\w+)\]\s*$")

# What varies from run to run: addresses and timings. Both sides are
# normalized before comparing, so the page keeps the real figures while the
# tests still check everything else. The in-page runner gets the same patterns.
VARIABLE_OUTPUT_FILE = Path(__file__).with_name("variable-output.json")
VARIABLE_PATTERNS = json.loads(VARIABLE_OUTPUT_FILE.read_text(encoding="utf-8"))
VARIABLE = [(re.compile(pattern), replacement) for pattern, replacement in VARIABLE_PATTERNS]

RECORD = "python -m course record"


@dataclass(frozen=True)
class Snippet:
    path: Path  # snippets/<module>/<lesson>/<name>.py
    base: Path  # the snippets/ folder it lives in

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def id(self) -> str:
        """<module>/<lesson>/<name>: how pages, tests and commands name it."""
        return self.path.relative_to(self.base).with_suffix("").as_posix()

    @property
    def lesson(self) -> str:
        """<module>/<lesson>"""
        return self.path.parent.relative_to(self.base).as_posix()

    @cached_property
    def source(self) -> str:
        return read_text(self.path)

    @property
    def native_only(self) -> str | None:
        """Why it cannot run in Pyodide, or None."""
        found = NATIVE_ONLY.search(self.source)
        return found[1] if found else None

    @property
    def versions(self) -> tuple[str, ...]:
        return NATIVE_VERSIONS if self.native_only else VERSIONS

    def shown(self, section: str | None = None) -> str:
        """The code a page shows: the whole file, or one marked section of it,
        without the section marks."""
        lines, inside, found = [], section is None, section is None
        for line in self.source.splitlines():
            mark = SECTION_MARK.match(line)
            if mark:
                if mark[2] == section:
                    inside = mark[1] == "start"
                    found = True
                continue
            if inside:
                lines.append(line)
        if not found:
            raise CourseError(
                f"{self.path}: no section '{section}' (mark it with "
                f"'# --8<-- [start:{section}]' and '# --8<-- [end:{section}]')"
            )
        return "\n".join(lines).strip("\n") + "\n"

    def output_path(self, version: str) -> Path:
        return self.path.parent / "output" / self.name / f"{version}.txt"

    def outputs(self) -> dict[str, str]:
        """The recorded output of every series it runs on, in order; a missing
        one is a CourseError that says how to record it."""
        missing = [v for v in self.versions if not self.output_path(v).is_file()]
        if missing:
            raise CourseError(
                f"{self.path}: no recorded output for {', '.join(missing)} "
                f"({self.output_path(missing[0]).relative_to(self.base)}): "
                f"run `{RECORD} {self.id}`"
            )
        return {v: read_text(self.output_path(v)) for v in self.versions}


def read_text(path: Path) -> str:
    """A UTF-8 file's text, or a CourseError naming the file and the line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CourseError(f"{path}:{line}: not UTF-8 ({error.reason}); save the file as UTF-8") from None


def find(name: str, base: Path = SNIPPETS) -> Snippet:
    """The snippet `<module>/<lesson>/<name>.py` under `base`, or a CourseError."""
    path = base / name
    if path.suffix != ".py" or len(Path(name).parts) != 3:
        raise CourseError(f"'{name}' does not name a snippet: write <module>/<lesson>/<name>.py")
    if not path.is_file():
        raise CourseError(f"no snippet {path}: write it, or fix the name")
    return Snippet(path, base)


def discover(base: Path = SNIPPETS) -> list[Snippet]:
    return [Snippet(path, base) for path in sorted(base.glob("*/*/*.py")) if not path.name.startswith("_")]


def normalize(output: str) -> str:
    for pattern, replacement in VARIABLE:
        output = pattern.sub(replacement, output)
    return output


def stale_output_message(snippet: Snippet, version: str, printed: str, stored: str) -> str | None:
    """None when `printed` matches the stored output, else what is wrong and the fix."""
    if normalize(printed) == normalize(stored):
        return None
    return (
        f"stale output: {snippet.id} on Python {version} no longer prints "
        f"{snippet.output_path(version).relative_to(snippet.base)}; "
        f"check the change, then run `{RECORD} {snippet.id}`"
    )
