"""Every output names the builds that printed it, and each build is described
where readers look: course/builds.py holds the descriptions, and these
tests check them against the interpreters and the built pages."""

import re

import pytest

from course import builds, interpreters, lessons
from course.builds import BUILDS, DEFAULT_VERSION, TAB_LABEL
from tests.support.skips import require_version

LESSONS = lessons.discover()
# An output: its caption paragraph, then the start of its tab set (inputs and
# labels) or of its single code block.
OUTPUT = re.compile(
    r'<p class="output-caption"[^>]*>(?P<caption>.*?)</p>\s*'
    r'(?P<block><div class="tabbed-set.*?<div class="tabbed-content">|<div class="[\w -]*highlight)',
    re.DOTALL,
)
VERSION = re.compile(r"\d+\.\d+")
# "3.11.7, 3.12.1 (64-bit Linux)": the releases a one-block caption names, by kind.
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
    return set(re.findall(r"<strong>([^<]+)</strong>", box[: box.index("</div>")]))


def version_tabs(html: str) -> int:
    return sum(1 for _, label in TAB_LABEL.findall(html) if VERSION.match(label))


def undescribed(html: str) -> list[str]:
    """Each output on a built page whose caption or tab names a build that the
    page's box does not describe, or that lacks its "Output" caption."""
    described = described_on(html)
    by_release = {b.release: b for b in BUILDS.values()}
    problems = []
    outputs = [(m["caption"], m["block"]) for m in OUTPUT.finditer(html)]
    for caption, block in outputs:
        if not caption.startswith("<strong>Output</strong>") or f'href="#{builds.ABOUT_ANCHOR}"' not in caption:
            problems.append(f"caption without 'Output' and its link: {caption}")
        labels = [label for _, label in TAB_LABEL.findall(block)]
        for releases, kind in RELEASES_OF_A_KIND.findall(caption) if not labels else []:
            for release in releases.split(", "):
                build = by_release.get(release)
                if build is None or build.kind != kind or build.label not in described:
                    problems.append(f"caption names {release} ({kind}): not a described build")
        problems += [f"tab {label!r}: not a described build" for label in labels if label not in described]
    outside = version_tabs(html) - sum(version_tabs(block) for _, block in outputs)
    if outside:
        problems.append(f"{outside} version tabs without an Output caption")
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
    shown = BUILDS[DEFAULT_VERSION].label
    assert undescribed(html.replace(f">{shown}</a></label>", ">3.16.0 · 64-bit Linux</a></label>", 1)) == [
        "tab '3.16.0 · 64-bit Linux': not a described build"
    ]
    assert undescribed(html.replace("3.11.7, ", "3.11.9, ", 1)) == [
        "caption names 3.11.9 (64-bit Linux): not a described build"
    ]


@pytest.mark.parametrize("lesson", [lesson for lesson in LESSONS if lesson.has_version_tabs], ids=str)
def test_version_tabs_open_on_the_default_build(lesson, built_site):
    site, _ = built_site
    html = (site / lesson.built).read_text(encoding="utf-8")
    tabbed = [m["block"] for m in OUTPUT.finditer(html) if TAB_LABEL.search(m["block"])]
    assert tabbed, f"{lesson}: no output with version tabs"
    for block in tabbed:
        checked = re.search(r'<input checked="checked" id="([^"]+)"', block).group(1)
        labels = dict(TAB_LABEL.findall(block))
        default = BUILDS[DEFAULT_VERSION].label
        assert labels[checked] == (default if default in labels.values() else next(iter(labels.values())))
