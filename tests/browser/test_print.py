"""The print page (/print_page/) as a handout, in Chromium's own A4 PDF: the
whole module in under PAGES_TARGET pages with no page left nearly blank, one
build's output per snippet, exercises, their solutions gathered at the end, no
controls."""

import statistics

import pytest

from tests.support import pdf


@pytest.fixture(scope="module")
def printed(browser, site_url):
    return pdf.text_per_page(pdf.print_page_pdf(browser, site_url))


def test_the_module_prints_on_fewer_pages_than_the_target(printed):
    assert len(printed) < pdf.PAGES_TARGET, f"{len(printed)} A4 pages (target: under {pdf.PAGES_TARGET})"


def test_no_page_is_left_nearly_blank(printed):
    typical = statistics.median(printed)
    sparse = [number for number, text in enumerate(printed[:-1], start=1) if text < typical / 4]
    assert not sparse, f"pages {sparse} hold under a quarter of a typical page's text ({printed})"


# On paper (print media): tab sets showing other than exactly their selected
# tab; exercises or solutions not shown; controls shown.
ON_PAPER = """() => {
  const shown = element => element.getClientRects().length > 0 && element.offsetHeight > 0;
  const sets = [...document.querySelectorAll('.tabbed-set')];
  return {
    sets: sets.length,
    tabs: sets.filter(set => {
      const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')];
      const chosen = [...set.querySelectorAll(':scope > input')].findIndex(input => input.checked);
      return blocks.filter(shown).length !== 1 || !shown(blocks[chosen]);
    }).length,
    exercises: document.querySelectorAll('.exercise').length,
    hiddenExercises: [...document.querySelectorAll('.exercise .admonition-title')].filter(t => !shown(t)).length,
    solutions: document.querySelectorAll('#solutions h2').length,
    hiddenSolutions: [...document.querySelectorAll('#solutions pre, .exercise details pre')].filter(pre => !shown(pre)).length,
    controls: [...document.querySelectorAll('#print-site-page button, .run-panel, .runner-toolbar, .md-clipboard')]
      .filter(shown).length,
  };
}"""


def test_paper_shows_one_build_per_output_exercises_and_no_controls(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + pdf.PRINT_PAGE, wait_until="networkidle")
    page.wait_for_selector("#solutions", state="attached")  # gathered by overrides/partials/print-solutions.js
    page.emulate_media(media="print")
    found = page.evaluate(ON_PAPER)
    page.close()
    assert found["sets"] > 10 and found["exercises"] >= 4, found
    assert found["tabs"] == 0, f"{found['tabs']} tab sets print other than their one selected tab"
    assert found["hiddenExercises"] == 0 and found["hiddenSolutions"] == 0, found
    assert found["solutions"] == found["exercises"], f"solutions gathered at the end: {found}"
    assert found["controls"] == 0, f"{found['controls']} controls would print"
