"""Every output names the builds that printed it, and each build is described
where readers look: course/builds.py holds the descriptions, and these
tests check them against the interpreters and the built pages."""

import re

import pytest

from course import builds, interpreters, lessons, runtime
from course.builds import BUILDS
from tests.support.skips import require_version

LESSONS = lessons.discover()
# The Python that runs in the page: each block shows its output first.
IN_PAGE = runtime.describe(interpreters.ROOT)["series"]
# A snippet's outputs (course/markdown.py): everything up to the next snippet's.
OUTPUTS = re.compile(r'<div class="outputs">(.*?)(?=<div class="outputs">|$)', re.DOTALL)
# One distinct output: whether it is the one shown, the builds that printed it, its caption.
OUTPUT = re.compile(
    r'<div class="output( output--shown)?" data-builds="([^"]+)">\s*<p class="output-caption"[^>]*>(.*?)</p>',
    re.DOTALL,
)
# "3.11.7, 3.12.1 (64-bit Linux)": the releases a caption names, by kind.
RELEASES_OF_A_KIND = re.compile(r"((?:\d+\.\d+\.\w+(?:, )?)+) \(([^)]+)\)")


@pytest.mark.parametrize("version", interpreters.VERSIONS)
def test_build_description_holds_for_its_interpreter(version, pyodide_runs):
    require_version(version)
    if version in interpreters.PYODIDE_PACKAGES:
        probe = pyodide_runs[version][builds.PROBE]
    else:
        probe = interpreters.run_native(interpreters.find_native(version), builds.PROBE)
    assert probe.ok, probe.output
    # Pyodide's release is pinned by package-lock.json; a native X.Y may be a
    # newer patch release here than the one that recorded the outputs (CI's
    # setup-python), which recording refuses to record with.
    exact = version in interpreters.PYODIDE_PACKAGES
    problem = builds.mismatch(version, probe.output, exact_release=exact)
    assert problem is None, problem


def described_on(html: str) -> set[str]:
    """The build labels the page's "Which Python printed this?" box describes."""
    box = html[html.index(f'id="{builds.ABOUT_ANCHOR}"') :]
    return set(re.findall(r"<strong>([^<]+)</strong>", box[: box.index("</details>")]))


def undescribed(html: str) -> list[str]:
    """Each output on a built page whose caption names other builds than
    printed it, or a build the page's box does not describe, or that lacks its
    "Output" caption and link."""
    described = described_on(html)
    problems = []
    for _, versions, caption in OUTPUT.findall(html):
        if not caption.startswith("<strong>Output</strong>") or f'href="#{builds.ABOUT_ANCHOR}"' not in caption:
            problems.append(f"caption without 'Output' and its link: {caption}")
        named = [
            (release, kind)
            for releases, kind in RELEASES_OF_A_KIND.findall(caption)
            for release in releases.split(", ")
        ]
        printers = [(BUILDS[v].release, BUILDS[v].kind) for v in versions.split()]
        if named != printers:
            problems.append(f"caption names {named}, printed by {printers}")
        for release, kind in named:
            if f"{release} · {kind}" not in described:
                problems.append(f"caption names {release} ({kind}): not a described build")
    return problems


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_every_output_names_builds_the_page_describes(lesson, built_site):
    site, _ = built_site
    html = (site / lesson.built).read_text(encoding="utf-8")
    assert OUTPUT.search(html), f"{lesson}: no outputs found"
    assert not undescribed(html), f"{lesson}:\n" + "\n".join(undescribed(html))


def test_an_undescribed_build_is_caught(built_site):
    site, _ = built_site
    html = (site / LESSONS[0].built).read_text(encoding="utf-8")
    named, described = undescribed(html.replace("3.11.7, ", "3.11.9, ", 1))
    assert named.startswith("caption names [('3.11.9', '64-bit Linux')") and "printed by [('3.11.7'" in named
    assert described == "caption names 3.11.9 (64-bit Linux): not a described build"


@pytest.mark.parametrize("lesson", LESSONS, ids=str)
def test_each_snippet_shows_one_build_the_in_page_python_where_it_printed(lesson, built_site):
    """One output shown per snippet: the in-page Python's, or for a snippet it
    cannot run, the newest build's; a toggle to compare exactly where builds differ."""
    site, _ = built_site
    html = (site / lesson.built).read_text(encoding="utf-8")
    snippets = OUTPUTS.findall(html)
    assert snippets, f"{lesson}: no outputs found"
    for outputs in snippets:
        found = OUTPUT.findall(outputs)
        printers = [versions.split() for _, versions, _ in found]
        every = sorted(v for versions in printers for v in versions)
        shown = [versions.split() for marked, versions, _ in found if marked]
        assert len(shown) == 1, f"{lesson}: {len(shown)} outputs marked shown among {printers}"
        assert builds.shown_first(every, IN_PAGE) in shown[0], f"{lesson}: {shown[0]} shown among {printers}"
        assert ('class="output-compare"' in outputs) == (len(found) > 1), f"{lesson}: compare toggle for {printers}"


def test_the_builds_box_offers_each_build_with_the_in_page_python_picked(built_site):
    site, _ = built_site
    html = (site / LESSONS[0].built).read_text(encoding="utf-8")
    form = re.search(r'<form class="python-pick">(.*?)</form>', html, re.DOTALL)[1]
    offered = re.findall(r'<input type="radio" name="python-pick" value="([\d.]+)"( checked)?>', form)
    assert [version for version, _ in offered] == list(BUILDS)
    assert [version for version, checked in offered if checked] == [IN_PAGE]
