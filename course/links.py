"""Published links: every page address and heading anchor the site has shown.

tests/published-links/ lists them, in a links.txt per page that mirrors the
page's address (`/cs-fundamentals/gil/` in `cs-fundamentals/gil/links.txt`),
one `/page/` or `/page/#anchor` a line: a new lesson's links (its notebook's,
its anchor on the instructors' page) are in a folder of its own.
`python -m course links` adds what a build newly publishes; it
never removes a line. The tests check that every listed link still resolves in
the built site, following the redirect pages that mkdocs-redirects writes and
a chapter page's map of the sections that moved into its lessons
(hooks/lessons.py).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from course.interpreters import ROOT

MANIFESTS = ROOT / "tests" / "published-links"
HEADER = "# Published addresses and anchors about this page. Tests fail when one stops resolving.\n"
# Anchors about one lesson on a page about every lesson: the instructors' page's
# #lesson-<name>, the answer key's #answers-<name> and #answers-<name>--exercises.
LESSON_ANCHORS = ("lesson-", "answers-")
HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')
EXERCISE_ID = re.compile(r'<div class="exercise-anchor" id="([^"]+)"')
ANY_ID = re.compile(r'\sid="([^"]+)"')
REDIRECT = re.compile(r'<title>Redirecting...</title>\s*<link rel="canonical" href="([^"]+)">')
MOVED = re.compile(r'<script type="application/json" id="moved-sections">(.*?)</script>', re.DOTALL)
NOT_PAGES = ("404.html", "print_page/index.html")


def _pages(site: Path):
    for html in sorted(site.rglob("index.html")):
        relative = html.relative_to(site).as_posix()
        if relative not in NOT_PAGES:
            yield "/" + relative[: -len("index.html")], html.read_text(encoding="utf-8")


def published(site: Path) -> set[str]:
    """Every page, heading anchor and exercise anchor in a built site (redirect
    pages excluded): what an instructor can link to."""
    links = set()
    for page, html in _pages(site):
        if REDIRECT.search(html):
            continue
        links.add(page)
        links.update(f"{page}#{anchor}" for anchor in HEADING_ID.findall(html) + EXERCISE_ID.findall(html))
    return links


def manifest(link: str, pages: set[str], folder: Path = MANIFESTS) -> Path:
    """The file that lists `link`: links.txt in its page's folder. An anchor
    about one lesson on a page about them all (LESSON_ANCHORS) is listed with
    that lesson, one of `pages`, so a new lesson changes no other page's list."""
    page, _, anchor = link.partition("#")
    prefix = next((prefix for prefix in LESSON_ANCHORS if anchor.startswith(prefix)), None)
    if prefix:
        name = anchor.removeprefix(prefix).partition("--")[0]
        page = next((p for p in sorted(pages) if p.rstrip("/").rpartition("/")[2] == name), page)
    return folder / page.strip("/") / "links.txt"


def recorded(folder: Path = MANIFESTS) -> list[str]:
    return sorted(
        line
        for path in folder.rglob("links.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )


def record(new: set[str], folder: Path = MANIFESTS) -> list[str]:
    """Add `new` links to their pages' files, keeping every line already there;
    return the links that were not listed before."""
    known = set(recorded(folder))
    added = sorted(new - known)
    everything = known | new
    pages = {link for link in everything if "#" not in link}
    by_file: dict[Path, set[str]] = {}
    for link in everything:
        by_file.setdefault(manifest(link, pages, folder), set()).add(link)
    for path, listed in by_file.items():
        if listed & set(added):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(HEADER + "\n".join(sorted(listed)) + "\n", encoding="utf-8")
    return added


def _resolve(site: Path, page: str, hops: int = 5) -> tuple[str, str] | None:
    """(final page, its HTML) after following redirects, or None if nothing is there."""
    html_path = site / page.lstrip("/") / "index.html"
    if not html_path.is_file():
        return None
    html = html_path.read_text(encoding="utf-8")
    redirect = REDIRECT.search(html)
    if redirect and hops:
        target = posixpath.normpath(posixpath.join(page, redirect.group(1)))
        return _resolve(site, target.rstrip("/") + "/", hops - 1)
    return page, html


def broken(site: Path, links: list[str]) -> list[str]:
    """What no longer resolves, each with the way to fix it."""
    problems = []
    for link in links:
        page, _, anchor = link.partition("#")
        found = _resolve(site, page)
        if found is None:
            problems.append(
                f"'{page}' no longer exists. If the page moved, add a redirect in mkdocs.yml under "
                f"plugins > redirects > redirect_maps, from its old file ('{page.strip('/')}.md' or "
                f"'{page.strip('/')}/index.md') to the new one"
            )
        elif anchor and lands(site, link) is None:
            problems.append(
                f"'{link}' is gone: anchor #{anchor} no longer exists on '{found[0]}'. If you renamed the "
                f'heading, keep the old anchor on the line before it: <a id="{anchor}"></a>'
            )
    return problems


def moved(html: str) -> dict[str, str]:
    """A chapter page's map: {old anchor: the lesson's URL and anchor, relative}."""
    found = MOVED.search(html)
    return json.loads(found[1]) if found else {}


def lands(site: Path, link: str) -> str | None:
    """Where `link` ends in a reader's browser, redirects and a chapter's map of
    moved sections followed ("/page/#anchor"), or None when nowhere."""
    page, _, anchor = link.partition("#")
    found = _resolve(site, page)
    if found is None:
        return None
    final, html = found
    if not anchor or anchor in ANY_ID.findall(html):
        return f"{final}#{anchor}" if anchor else final
    target = moved(html).get(anchor)
    if not target:
        return None
    path, _, new_anchor = target.partition("#")
    found = _resolve(site, posixpath.normpath(posixpath.join(final, path)).rstrip("/") + "/")
    return f"{found[0]}#{new_anchor}" if found and new_anchor in ANY_ID.findall(found[1]) else None
