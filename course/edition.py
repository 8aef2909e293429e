"""The edition a build is: the version and date every page's footer, the
printout, the exports and the site's CITATION.cff name, so a citation or a
printed handout says which text it means.

A release is written in three places that must agree (README, "Release an
edition"): CITATION.cff's `version` and `date-released`, the newest entry of
docs/changelog.md, and a git tag `v<version>` on the released commit. A build
of that commit is edition `<version>`; a build of any later commit is
`<version>+<commit>`, the release plus what came after it, dated by its commit.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from course.errors import CourseError
from course.interpreters import ROOT

CITATION = "CITATION.cff"
CHANGELOG = "docs/changelog.md"
# A changelog entry: `## 1.0 (2026-12-07) { #v1-0 }`.
ENTRY = re.compile(r"^## (\d+\.\d+(?:\.\d+)?) \((\d{4}-\d{2}-\d{2})\) \{ #v[\d-]+ \}$", re.MULTILINE)


@dataclass(frozen=True)
class Edition:
    version: str  # "1.0" at the release's tag, "1.0+3f2a9c1" after it
    date: str  # YYYY-MM-DD: the release's date, or the commit's
    released: bool  # this commit is the release itself

    def __str__(self) -> str:
        return f"edition {self.version} of {self.date}"


def _cff(root: Path) -> dict:
    """The repository's CITATION.cff, as data (read here only)."""
    return yaml.safe_load((root / CITATION).read_text(encoding="utf-8"))


def release(root: Path = ROOT) -> tuple[str, str]:
    """The latest release as CITATION.cff names it: (version, date), or a
    CourseError saying what to write there."""
    path = root / CITATION
    data = _cff(root)
    version, date = str(data.get("version", "")), str(data.get("date-released", ""))
    if not re.fullmatch(r"\d+\.\d+(?:\.\d+)?", version) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise CourseError(
            f"{path}: 'version' ({version or 'missing'}) and 'date-released' ({date or 'missing'}) name the "
            'latest release, as in version: "1.0" and date-released: "2026-12-07" (README: Release an edition)'
        )
    return version, date


def changelog_entries(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every (version, date) the changelog describes, newest first."""
    return ENTRY.findall((root / CHANGELOG).read_text(encoding="utf-8"))


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else ""


def current(root: Path = ROOT) -> Edition:
    """This checkout's edition; a CourseError when the commit is tagged as a
    release that CITATION.cff does not name."""
    version, date = release(root)
    tags = [tag[1:] for tag in _git(root, "tag", "--points-at", "HEAD").split() if re.fullmatch(r"v\d[\d.]*", tag)]
    if tags and version not in tags:
        raise CourseError(
            f"this commit is tagged v{tags[0]}, but {root / CITATION} names release {version}: set its "
            f"'version' and 'date-released', and add the release to {CHANGELOG}, before tagging"
        )
    commit = _git(root, "rev-parse", "--short=7", "HEAD")
    if tags or not commit:  # the release itself, or a tree exported without its history
        return Edition(version, date, True)
    # The deploy passes the commit's time in SOURCE_DATE_EPOCH; a local build reads it.
    seconds = os.environ.get("SOURCE_DATE_EPOCH") or _git(root, "log", "-1", "--format=%ct")
    day = datetime.datetime.fromtimestamp(int(seconds), datetime.UTC).date().isoformat()
    return Edition(f"{version}+{commit}", day, False)


def attribution(edition: Edition, site_url: str, root: Path = ROOT) -> str:
    """The line CC BY asks a reuser to give: title (CITATION.cff's, as a
    citation gives it), edition, address, licence."""
    return f"“{_cff(root)['title']}”, {edition}, {site_url}, CC BY 4.0"


def citation(edition: Edition, site_url: str, source_url: str, root: Path = ROOT) -> str:
    """The repository's CITATION.cff as this build's: its address, its source
    repository when known, and its edition's version and date."""
    data = _cff(root)
    data.update({"version": edition.version, "date-released": edition.date, "url": site_url})
    if source_url:
        data["repository-code"] = source_url
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=80)
