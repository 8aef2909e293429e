"""What the bytecode explorer costs a reader, measured in Chromium for the
benchmark: its page's bytes before any Python, the first listing on one
build and on all five (cold cache, then warm), the time from a keystroke to
the listings following it, the memory five running Pythons take, and the
stepper: from a link to the first step of a run about 1,000 instructions
long, and the time one step takes to draw."""

import subprocess
import time

from course import interpreters, runtime
from tests.support import browser as chromium
from tests.support.explorer import encode_code

CODE = "def grow(items, x):\n    if x > 0:\n        items.append(x - 1)\n    return items\n"
LISTED = """n => {
  const shown = [...document.querySelectorAll('.explorer__listing:not([hidden]) pre')];
  return shown.length === n && shown.every(pre => pre.textContent.includes('RESUME'));
}"""
# The text of every listing shown, to see them change after an edit.
LISTINGS = "() => [...document.querySelectorAll('.explorer__listing:not([hidden]) pre')].map(p => p.textContent).join()"


def link(base: str, builds: list[str]) -> str:
    return f"{base}explorer/#code={encode_code(CODE)}&builds={','.join(builds)}"


def first_listing_s(page, url: str, builds: list[str]) -> float:
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(LISTED, arg=len(builds), timeout=300_000)
    return time.perf_counter() - started


def recompile_ms(page) -> float:
    """From a keystroke to every listing shown following it (the explorer
    waits for a pause in typing first: that wait is counted)."""
    before = page.evaluate(LISTINGS)
    page.locator(".cm-content").click()
    page.keyboard.press("Control+End")
    started = time.perf_counter()
    page.keyboard.type("\ny = 1", delay=0)
    page.wait_for_function(f"before => ({LISTINGS})() !== before && ({LISTINGS})().includes('(y)')", arg=before)
    return (time.perf_counter() - started) * 1000


# About 1,000 instructions on 3.14 (the benchmark prints how many).
STEPPED_CODE = "total = 0\nfor i in range(109):\n    total += i * i\nprint(total)\n"
STEPPER_OPEN = "() => { const panel = document.querySelector('.stepper__panel'); return panel && !panel.hidden; }"
# Steps forward to the end, each step drawn (its layout forced), and gives the mean time of one.
STEP_TO_THE_END = """() => {
  const forward = document.querySelector(".stepper__controls button[aria-label='Step forward one instruction']");
  const started = performance.now();
  let steps = 0;
  while (!forward.disabled) {
    forward.click();
    document.body.getBoundingClientRect();
    steps += 1;
  }
  return (performance.now() - started) / steps;
}"""


def stepper(page, base: str, series: str) -> dict:
    """From opening a link with &step= (its Python already kept) to the first
    step drawn; then the steps recorded, and one step's drawing time."""
    url = f"{base}explorer/#code={encode_code(STEPPED_CODE)}&builds={series}&step={series}"
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(STEPPER_OPEN, timeout=300_000)
    start_s = time.perf_counter() - started
    said = page.locator(".stepper__where").text_content()  # "Step 1 of 1,005: ..."
    steps = int(said.split(" of ")[1].split(":")[0].replace(",", ""))
    return {"stepper_start_s": start_s, "stepper_steps": steps, "step_ms": page.evaluate(STEP_TO_THE_END)}


def chromium_rss_mb() -> float:
    """Memory of every Chromium process on the machine, in MB (resident)."""
    listed = subprocess.run(["ps", "-C", "chromium", "-o", "rss="], capture_output=True, text=True).stdout
    return sum(int(kb) for kb in listed.split()) / 1024


def measure(browser, base: str) -> dict:
    one, five = [runtime.describe(interpreters.ROOT)["series"]], list(runtime.PACKAGES)
    figures = {"page_kb": chromium.page_weight(chromium.fetched_bytes(browser, base + "explorer/"))[0] / 1024}
    for label, builds in (("one", one), ("five", five)):
        context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
        page = context.new_page()
        figures[f"{label}_cold_s"] = first_listing_s(page, link(base, builds), builds)
        page.goto("about:blank")
        figures[f"{label}_warm_s"] = first_listing_s(page, link(base, builds), builds)
        if label == "one":
            figures |= stepper(page, base, builds[0])
        if label == "five":
            figures["recompile_ms"] = min(recompile_ms(page) for _ in range(3))
            figures["five_loaded_mb"] = chromium_rss_mb()
        context.close()
    figures["none_loaded_mb"] = chromium_rss_mb()
    return figures
