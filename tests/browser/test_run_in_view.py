"""Run keeps the reader's place: the first start says how much of Python has
arrived, where the reader is looking, and a run's output is on the screen when
it ends, even under a snippet taller than the screen; the run is compared with
its own build's output, which is then shown (whichever build the reader picked)."""

import pytest

from course import lessons, snippets
from course.interpreters import ROOT
from course.runtime import describe
from tests.support import browser as chromium
from tests.support.page_runner import near, run_snippet

RUNTIME_SERIES = describe(ROOT)["series"]  # the build the page runs
RUN_AT = 0.45  # of the screen's height, from its top: where the reader taps Run

# The runnable block whose code is tallest on this screen.
TALLEST = """() => {
  const boxes = [...document.querySelectorAll('.runnable:not([data-native-only])')];
  const height = box => box.querySelector('.highlight').getBoundingClientRect().height;
  const tallest = boxes.reduce((best, box) => (height(box) > height(best) ? box : best), boxes[0]);
  return {index: boxes.indexOf(tallest), height: height(tallest), screen: innerHeight};
}"""

# Whether an element is wholly on the screen, below the sticky header.
ON_SCREEN = """element => {
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const {top, bottom} = element.getBoundingClientRect();
  return top >= header - 1 && bottom <= innerHeight + 1;
}"""

# Each thing the block's status says, and whether it was on the screen when
# next drawn (what the reader sees, once the layout the change caused is done).
WATCH_STATUS = f"""box => {{
  window.said = [];
  const status = box.querySelector('.run-panel__status');
  const look = text => () => window.said.push([text, ({ON_SCREEN})(status), scrollY, status.getBoundingClientRect().top]);
  new MutationObserver(() => requestAnimationFrame(look(status.textContent)))
    .observe(status, {{childList: true, characterData: true, subtree: true}});
}}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_first_run_shows_its_download_and_its_output_in_view(browser, site_url, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    chromium.open_settled(page, site_url + chromium.longest_lesson())
    tallest = page.evaluate(TALLEST)
    run_at = RUN_AT * tallest["screen"]
    if viewport == "phone":  # the panel starts below the screen: else this proves nothing
        assert run_at + tallest["height"] > tallest["screen"], tallest
    box = near(page.locator(".runnable:not([data-native-only])").nth(tallest["index"]))
    run = box.get_by_role("button", name="Run", exact=True)
    run.wait_for()
    # The reader taps Run where it is, the code running on below the screen.
    page.evaluate(f"run => scrollBy(0, run.getBoundingClientRect().top - {run_at})", run.element_handle())
    page.evaluate(WATCH_STATUS, box.element_handle())
    output, status = run_snippet(page, box)

    assert status.startswith("Done"), status
    said = page.evaluate("window.said")
    downloads = [text for text, *_ in said if "% of about 6 MB downloaded" in text]
    assert downloads, f"the first start never said how much had arrived: {said}"
    assert all(s[1] for s in said), f"said off the screen: {said}"
    first_line = box.locator(".run-panel__output")
    assert output and page.evaluate(
        """pre => { const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
                   const top = pre.getBoundingClientRect().top;
                   return top >= header - 1 && top + 20 <= innerHeight; }""",
        first_line.element_handle(),
    ), "the start of the reader's output is off the screen"
    assert page.evaluate(ON_SCREEN, box.locator(".run-panel__status").element_handle()), "the verdict is off the screen"
    page.close()


# A native build the reader may pick, whose outputs differ from the in-page build's in places.
PICKED = "3.13"
# Whether a block shows an output of this build.
SHOWS = "(box, version) => [...box.querySelectorAll('.output')].some(o => o.dataset.builds.split(' ').includes(version) && getComputedStyle(o).display !== 'none')"


def differing_blocks(lesson) -> int:
    """How many of a lesson's snippets printed one thing on PICKED, another on the in-page build."""
    printed = [s.outputs() for s in snippets.discover() if s.lesson == str(lesson)]
    return sum(1 for outputs in printed if outputs.get(PICKED, "") != outputs.get(RUNTIME_SERIES, ""))


def test_a_run_is_compared_with_its_own_builds_output_and_that_output_is_shown(browser, site_url):
    """The reader picked another build, so a block shows that build's output;
    the reader's run is on the in-page build, so that block's comparison opens,
    showing the in-page build's output too, and no other block's does."""
    lesson = max(lessons.discover(), key=differing_blocks)
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    page.add_init_script(f"localStorage.setItem('/.__python', JSON.stringify({PICKED!r}))")
    chromium.open_settled(page, site_url + lesson.url)
    differing = page.locator(
        f".runnable:not([data-native-only]):has(.output[data-builds~='{PICKED}']:not([data-builds~='{RUNTIME_SERIES}']))"
    )
    assert differing.count() >= 2, f"{lesson.url}: too few blocks where {PICKED} and {RUNTIME_SERIES} differ"
    assert differing.first.evaluate(SHOWS, PICKED) and not differing.first.evaluate(SHOWS, RUNTIME_SERIES)
    box = near(differing.first)
    _, status = run_snippet(page, box)
    assert status.startswith(
        f"Done. Matches the {RUNTIME_SERIES} output recorded on this page (now shown first below, then the build you picked)"
    ), status
    assert box.evaluate(SHOWS, RUNTIME_SERIES) and box.evaluate(SHOWS, PICKED), "both builds' outputs shown"
    own, picked = (box.locator(f".output[data-builds~='{v}']").first for v in (RUNTIME_SERIES, PICKED))
    top = "element => element.getBoundingClientRect().top"
    assert own.evaluate(top) < picked.evaluate(top), "the run's own build's output comes first, under the run"
    assert not differing.nth(1).evaluate(SHOWS, RUNTIME_SERIES), "another block's comparison opened too"
    page.close()
