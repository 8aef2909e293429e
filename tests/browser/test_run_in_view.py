"""Run keeps the reader's place: the first start says how much of Python has
arrived, where the reader is looking, and a run's output is on the screen when
it ends, even under a snippet taller than the screen."""

import pytest

from tests.support import browser as chromium
from tests.support.page_runner import near, run_snippet

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

# Each thing the block's status says, and whether it was on the screen then.
WATCH_STATUS = f"""box => {{
  window.said = [];
  const status = box.querySelector('.run-panel__status');
  new MutationObserver(() => window.said.push([status.textContent, ({ON_SCREEN})(status), scrollY, status.getBoundingClientRect().top]))
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
