"""Diagrams drawn by tests/support/figures.py without a stored output (charts
drawn from outputs are checked in tests/test_lessons.py)."""

import re

import pytest

from tests.support import figures
from tests.support.interpreters import ROOT


@pytest.mark.parametrize("figure, draw", figures.DIAGRAMS)
def test_diagrams_are_drawn_by_figures_py(figure, draw):
    assert (ROOT / figure).read_text(encoding="utf-8") == draw(), (
        f"{figure} differs from its drawing: run `python -c 'from tests.support import figures; figures.redraw()'`"
    )


def test_every_figure_is_drawn_by_figures_py():
    drawn = {figure for _, figure, _ in figures.FIGURES} | {figure for figure, _ in figures.DIAGRAMS}
    found = {path.relative_to(ROOT).as_posix() for path in (ROOT / "docs").rglob("*.svg")
             if path.name != "favicon.svg"}
    assert found <= drawn, f"SVG figures not drawn by tests/support/figures.py: {sorted(found - drawn)}"


PHONE_COLUMN = 358  # px a 390 px wide phone gives a figure


@pytest.mark.parametrize("figure", sorted({f for _, f, _ in figures.FIGURES} | {f for f, _ in figures.DIAGRAMS}))
def test_figure_text_is_at_least_12_px_in_a_phone_column(figure):
    svg = (ROOT / figure).read_text(encoding="utf-8")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
    smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
    assert smallest * PHONE_COLUMN / width >= 12, f"{figure}: {smallest} px text in {width} units"
