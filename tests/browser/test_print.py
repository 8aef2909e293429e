"""The print page (/print_page/) as a handout, in Chromium's own A4 PDF: the
whole module within its lessons' page budget (tests/support/pdf.py), a cover
naming its edition, each lesson on a new sheet and no other sheet left nearly
blank, one build's output per snippet, exercises, their solutions gathered at
the end, no controls and no instructions for the screen. At ?handout, the
students' handout, no solution at all."""

import statistics

import pytest

from course import contract, lessons
from tests.support import pdf


@pytest.fixture(scope="module")
def printed(watched_browser, site_url):
    return pdf.text_per_page(pdf.print_page_pdf(watched_browser, site_url))


def test_the_module_prints_on_fewer_pages_than_the_target(printed, built_site):
    target = pdf.pages_target(built_site[0])
    assert len(printed) < target, f"{len(printed)} A4 pages (target: under {target:.1f}, from tests/support/pdf.py)"


def test_no_page_is_left_nearly_blank_but_the_last_of_a_part(printed, built_site):
    """Each part (the cover, the contents, each page of the site, the
    solutions) starts a new sheet, so its last sheet may be short; no other."""
    parts = pdf.parts(built_site[0]) + 2  # and the cover and the contents
    typical = statistics.median(printed)
    sparse = [number for number, text in enumerate(printed[:-1], start=1) if text < typical / 4]
    assert len(sparse) <= parts, f"pages {sparse} hold under a quarter of a typical page's text ({printed})"


def test_each_part_starts_a_new_sheet_after_a_cover(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + pdf.PRINT_PAGE, wait_until="networkidle")
    page.wait_for_selector("#solutions", state="attached")
    page.emulate_media(media="print")
    breaks = page.evaluate("""() => [...document.querySelectorAll(
      '#print-site-page section.print-page:not(.md-section), #print-page-toc')].map(
      part => getComputedStyle(part).breakBefore)""")
    cover = page.inner_text("#print-site-cover-page")
    screen_only = page.evaluate(
        "() => [...document.querySelectorAll('.screen-only')].filter(e => e.offsetHeight).length"
    )
    page.close()
    assert breaks and set(breaks) == {"page"}, breaks
    assert "Edition" in cover and "CC BY 4.0" in cover and "Student handout" not in cover, cover
    assert screen_only == 0


CONTENTS = """() => [...document.querySelectorAll('#print-page-toc a')]
  .filter(link => link.offsetHeight > 0).map(link => [link.textContent.trim(), new URL(link.href).hash])"""
# What prints after each link with an address after it: one to another site.
ADDRESSES_PRINTED = """() => [...document.querySelectorAll('#print-site-page a')]
  .map(link => getComputedStyle(link, '::after').content).filter(after => after.startsWith('" ('))"""


def test_the_contents_name_each_lesson_once_and_links_elsewhere_print_their_address(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + pdf.PRINT_PAGE, wait_until="networkidle")
    page.emulate_media(media="print")
    contents = page.evaluate(CONTENTS)
    addresses = page.evaluate(ADDRESSES_PRINTED)
    page.close()
    titles = [title for title, _ in contents]
    assert len(titles) == len(set(titles)), f"named twice in the contents: {titles}"
    listed = {href for _, href in contents}
    unlisted = [str(lesson) for lesson in lessons.discover() if f"#{lesson.module}-{lesson.slug}" not in listed]
    assert not unlisted, f"lessons missing from the contents: {unlisted} (listed: {contents})"
    assert any(after.startswith('" (https://docs.python.org/') for after in addresses), addresses
    assert not [after for after in addresses if site_url.rstrip("/") in after], "the site's own links print no address"


# On paper (print media): snippets printing other than exactly one output,
# the one marked shown, or the toggle that compares builds; exercises or
# solutions not shown; controls shown.
ON_PAPER = """() => {
  const shown = element => element.getClientRects().length > 0 && element.offsetHeight > 0;
  const sets = [...document.querySelectorAll('.outputs:has(> .output-compare)')];
  return {
    sets: sets.length,
    outputs: sets.filter(set => {
      const printed = [...set.querySelectorAll(':scope > .output')].filter(shown);
      return printed.length !== 1 || !printed[0].matches('.output--shown') || shown(set.querySelector('.output-compare'));
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
    page.wait_for_selector("#solutions", state="attached")  # gathered by theme/overrides/partials/print-solutions.js
    page.emulate_media(media="print")
    found = page.evaluate(ON_PAPER)
    page.close()
    exercises = sum(contract.counts(lesson)["exercises"] for lesson in lessons.discover())
    assert found["sets"] > 0 and found["exercises"] == exercises, found
    assert found["outputs"] == 0, f"{found['outputs']} snippets print other than their one output shown"
    assert found["hiddenExercises"] == 0 and found["hiddenSolutions"] == 0, found
    assert found["solutions"] == found["exercises"], f"solutions gathered at the end: {found}"
    assert found["controls"] == 0, f"{found['controls']} controls would print"


# On paper at A4's text width (210 mm less 2 x 14 mm, print.css's @page):
# text under 8 pt, and blocks wider than the sheet (code that would be cut off).
ON_A4 = """() => {
  const page = document.getElementById('print-site-page');
  const small = new Set();
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!walker.currentNode.data.trim() || !element.getClientRects().length) continue;
    const points = parseFloat(getComputedStyle(element).fontSize) * 72 / 96;
    if (points < 7.99) small.add(`${element.tagName} ${points.toFixed(1)} pt: ${element.textContent.slice(0, 30)}`);
  }
  const right = page.getBoundingClientRect().right + 1;
  const cut = [...page.querySelectorAll('pre, pre > code, table, img, figure')]
    .filter(element => element.getClientRects().length)
    .filter(element => element.scrollWidth > element.clientWidth + 1 || element.getBoundingClientRect().right > right)
    .map(element => element.textContent.slice(0, 40) || element.outerHTML.slice(0, 80));
  return {small: [...small], cut};
}"""


def test_the_students_handout_holds_no_solution(browser, site_url, built_site):
    from course import assessment

    page = browser.new_page()
    page.goto(site_url + pdf.PRINT_PAGE + "?handout", wait_until="networkidle")
    page.wait_for_function("() => !document.querySelector('.print-cover__handout[hidden]')")
    page.emulate_media(media="print")
    text = page.inner_text("#print-site-page")
    left = page.evaluate("() => document.querySelectorAll('.exercise details, #solutions').length")
    page.close()
    assert left == 0 and "Student handout" in text
    exercises = sum(contract.counts(lesson)["exercises"] for lesson in lessons.discover())
    assert text.count("Exercise ") >= exercises
    for lesson in lessons.discover():
        solved = (lesson.try_it / "solutions.py").read_text(encoding="utf-8")
        starters = (lesson.try_it / "answers.py").read_text(encoding="utf-8")
        for drill in assessment.lesson_exercises(str(lesson)):
            for section in drill.solutions:
                body = solved.split(f"# --8<-- [start:{section}]\n", 1)[1].split(f"# --8<-- [end:{section}]", 1)[0]
                # Its longest line that the starting code does not have: the solution's own.
                own = [line.strip() for line in body.splitlines() if line.strip() and line.strip() not in starters]
                assert own, f"{lesson}: solution {section} is the starting code"
                telling = max(own, key=len)
                assert telling not in text, f"{lesson}: the handout shows solution {section}: {telling}"


def test_paper_text_is_at_least_8_pt_and_nothing_is_cut_off_at_the_edge(browser, site_url):
    page = browser.new_page(viewport={"width": round((210 - 2 * 14) / 25.4 * 96), "height": 1000})
    page.goto(site_url + pdf.PRINT_PAGE, wait_until="networkidle")
    page.wait_for_selector("#solutions", state="attached")
    page.emulate_media(media="print")
    found = page.evaluate(ON_A4)
    page.close()
    assert not found["small"], f"text under 8 pt on paper: {found['small'][:10]}"
    assert not found["cut"], f"wider than the sheet, so cut off: {found['cut'][:10]}"
