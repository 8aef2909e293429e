"""Find the lessons: pages under docs/ whose front matter has a `lesson:` block."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from course.interpreters import ROOT

DOCS = ROOT / "docs"


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

    def metadata(self) -> dict:
        return get_data(self.page.read_text(encoding="utf-8"))[1]

    def __str__(self) -> str:
        return f"{self.module}/{self.slug}"


def discover() -> list[Lesson]:
    return [Lesson(page) for page in sorted(DOCS.glob("*/*/index.md")) if "lesson" in Lesson(page).metadata()]


def syllabus(site: Path) -> dict:
    """The built site's syllabus.json: the lessons in order, for instructors."""
    return json.loads((site / "syllabus.json").read_text(encoding="utf-8"))
