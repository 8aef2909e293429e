"""Diagrams drawn by tests/support/figures.py without a stored output (charts
drawn from outputs are checked in tests/test_lessons.py)."""

import pytest

from tests.support import figures
from tests.support.interpreters import ROOT


@pytest.mark.parametrize("figure, draw", figures.DIAGRAMS)
def test_diagrams_are_drawn_by_figures_py(figure, draw):
    assert (ROOT / figure).read_text(encoding="utf-8") == draw(), (
        f"{figure} differs from its drawing: run `python -c 'from tests.support import figures; figures.redraw()'`"
    )
