"""Find the lessons: the pages in mkdocs.yml's nav whose front matter has a
`lesson:` block, in the order of the nav (the order readers follow)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from course import snippets
from course.interpreters import ROOT

DOCS = ROOT / "docs"
# A section of a lesson: `## Title { #id }` (or ###), its id explicit and stable.
HEADING = re.compile(r"^(#{2,3}) (.+?) \{ #([\w-]+) \}\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    page: Path  # docs/<module>/<lesson>/index.md

    @property
    def module(self) -> str:
        return self.page.parent.parent.name

    @property
    def slug(self) -> str:
        return self.page.parent.name

    @property
    def source(self) -> str:
        return self.page.relative_to(DOCS).as_posix()

    @property
    def snippets(self) -> Path:
        return ROOT / "snippets" / self.module / self.slug

    @property
    def try_it(self) -> Path:
        return self.snippets / "try-it"

    @property
    def tests(self) -> Path:
        return ROOT / "tests" / self.module / f"test_{self.slug.replace('-', '_')}.py"

    @property
    def built(self) -> str:
        return f"{self.module}/{self.slug}/index.html"

    @property
    def url(self) -> str:
        """The page's path on the site, as a reader's browser asks for it."""
        return f"{self.module}/{self.slug}/"

    @property
    def differing_outputs(self) -> int:
        """How many of its snippets printed differently on two builds: its page
        offers to compare those."""
        return sum(len(set(s.outputs().values())) > 1 for s in snippets.discover() if s.lesson == str(self))

    def metadata(self) -> dict:
        return get_data(self.page.read_text(encoding="utf-8"))[1]

    def __str__(self) -> str:
        return f"{self.module}/{self.slug}"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml whatever its tags (!ENV, !!python/name): only the nav is wanted."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_pages(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """Every Markdown page the nav lists, in order, as paths under docs/."""
    found: list[str] = []

    def walk(entry):
        if isinstance(entry, str):
            found.extend([entry] if entry.endswith(".md") else [])
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for value in entry:
                walk(value)

    walk(yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)["nav"])  # noqa: S506 (a safe loader)
    return found


def discover() -> list[Lesson]:
    pages = [Lesson(DOCS / page) for page in nav_pages() if page.count("/") == 2 and page.endswith("/index.md")]
    return [lesson for lesson in pages if "lesson" in lesson.metadata()]


def syllabus(site: Path) -> dict:
    """The built site's syllabus.json: the lessons in order, for instructors."""
    return json.loads((site / "syllabus.json").read_text(encoding="utf-8"))
