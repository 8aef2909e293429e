"""Diagrams drawn by course/figures.py without a stored output (charts
drawn from outputs are checked in tests/test_lessons.py), and the drawings of
names, objects and frames: what each shows of its snippet's stored output."""

import re

import pytest

from course import builds, figures, runtime, snippets
from course.interpreters import ROOT

# The Python that runs in the page: what each block shows unless the reader picks another.
IN_PAGE = runtime.describe(ROOT)["series"]
# snippets/<module>/<lesson>/output/<name>/<version>.txt
DRAWN_FROM = re.compile(r"^snippets/(?P<lesson>[^/]+/[^/]+)/output/(?P<name>[^/]+)/(?P<version>[\d.]+)\.txt$")


@pytest.mark.parametrize("figure, draw", figures.DIAGRAMS)
def test_diagrams_are_drawn_by_figures_py(figure, draw):
    assert (ROOT / figure).read_text(encoding="utf-8") == draw(), (
        f"{figure} differs from its drawing: run `python -c 'from course import figures; figures.redraw()'`"
    )


def test_every_figure_is_drawn_by_figures_py():
    drawn = {figure for _, figure, _ in figures.FIGURES} | {figure for figure, _ in figures.DIAGRAMS}
    found = {path.relative_to(ROOT).as_posix() for path in (ROOT / "docs").rglob("*.svg") if path.name != "favicon.svg"}
    assert found <= drawn, f"SVG figures not drawn by course/figures.py: {sorted(found - drawn)}"


@pytest.mark.parametrize("source, figure, title", figures.FIGURES, ids=[f for _, f, _ in figures.FIGURES])
def test_a_figure_is_drawn_from_the_build_its_snippet_shows_and_names_it(source, figure, title):
    """A figure agrees with the output beside it: drawn from the build that
    snippet's block shows (the in-page Python, or the newest native build for
    a snippet that needs one), named in its title and in the page's text for it."""
    drawn = DRAWN_FROM.match(source)
    snippet = snippets.find(f"{drawn['lesson']}/{drawn['name']}.py")
    shown = builds.shown_first(list(snippet.outputs()), IN_PAGE)
    assert drawn["version"] == shown, f"{figure} is drawn from {drawn['version']}; its snippet's block shows {shown}"
    assert f"CPython {shown}" in title, f"{figure}: its title does not name {shown}"
    page = (ROOT / "docs" / drawn["lesson"] / "index.md").read_text(encoding="utf-8")
    alt = [line for line in page.splitlines() if f"]({figure.rsplit('/', 1)[1]})" in line]
    assert alt, f"{figure} is not shown on {drawn['lesson']}"
    named = set(re.findall(r"\b3\.1\d\b", alt[0]))
    assert named <= {shown}, f"{figure}: its text names {sorted(named)}; its snippet's block shows {shown}"


PHONE_COLUMN = 358  # px a 390 px wide phone gives a figure


@pytest.mark.parametrize("figure", sorted({f for _, f, _ in figures.FIGURES} | {f for f, _ in figures.DIAGRAMS}))
def test_figure_text_is_at_least_12_px_in_a_phone_column(figure):
    svg = (ROOT / figure).read_text(encoding="utf-8")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
    smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
    assert smallest * PHONE_COLUMN / width >= 12, f"{figure}: {smallest} px text in {width} units"


def drawing(figure):
    """The stored output a figure is drawn from, the committed figure, and a fresh drawing."""
    source, title = next((source, title) for source, f, title in figures.FIGURES if f == figure)
    return (
        (ROOT / source).read_text(encoding="utf-8"),
        (ROOT / figure).read_text(encoding="utf-8"),
        figures.drawn(source, title),
    )


def test_names_figure_draws_one_shared_list_then_two_lists():
    output, committed, drawn = drawing("docs/cs-fundamentals/names-and-objects/names-to-objects.svg")
    assert committed == drawn, "names-to-objects.svg is stale: run `python -m course record`"
    # Two names pointing at one object, then at two: three object boxes, four arrows.
    assert output.count("same object? True") == 1 and output.count("same object? False") == 1
    assert drawn.count('fill="#e0f2f1"') == 3 and drawn.count("<line ") == 4
    for line in output.splitlines():  # every value and every name printed is drawn
        if "->" in line:
            name, value = (part.strip() for part in line.split("->"))
            assert f">{name}</text>" in drawn and f">{value}</text>" in drawn, line


def test_frames_figure_draws_the_stack_newest_first():
    output, committed, drawn = drawing("docs/cs-fundamentals/memory-management/call-frames.svg")
    assert committed == drawn, "call-frames.svg is stale: run `python -m course record`"
    headings = re.findall(r'font-weight="700" fill="[^"]+">([^<]+) frame</text>', drawn)
    assert headings == ["inner()", "outer()", "&lt;module&gt;"]  # in the order the snippet walked f_back
    assert [line.split(" frame")[0] for line in output.splitlines() if " frame" in line] == [
        "inner()",
        "outer()",
        "<module>",
    ]
    assert drawn.count(">f_back</text>") == 2
    for name in ("frame", "text", "greeting"):
        assert f">{name}</text>" in drawn
