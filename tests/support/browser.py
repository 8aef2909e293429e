"""Debian's Chromium driven by Playwright, and what the browser tests measure.

No browser is downloaded: BROWSER_PATH (default /usr/bin/chromium) names an
installed Chromium or Chrome. Used by tests/browser/ and by tests/benchmark.py.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from course.interpreters import ROOT

BROWSER_PATH = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
BROWSER_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
QUERIES = ROOT / "tests" / "browser" / "search_queries.csv"
SCREENSHOTS = ROOT / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# A lesson page: Material's own script and styles (about 60 KB), the in-page
# runner's start-up script and styles (about 6 KB, minified), and the lesson itself,
# which issue 8's 3.15 material roughly doubled (How Python Works: 42 KB of
# HTML). 100 KB held for the shorter lessons; the README says why it moved.
# Lays out every block now, not as it nears the screen (site.css, offscreen.css),
# for tests that measure every block of a page at once.
RENDER_EVERYTHING = ".md-typeset * { content-visibility: visible !important }"
# Search is ready to answer: its index, loaded when search is first opened, is built.
SEARCH_READY = (
    "() => (document.querySelector('.md-search-result__meta')?.textContent ?? '') === 'Type to start searching'"
)

# The code editor (CodeMirror with Python) is fetched once, as the reader nears
# the first exercise, and then cached for every page: it has its own budget,
# not a share of whichever page happened to need it first.
EDITOR = "assets/runner/editor.js"
BUDGET_KB = {"lesson": 100, "notebook": 150, "editor": 130}


def longest_lesson() -> str:
    """The URL of the lesson with the most snippets. A check that needs plenty of
    code (blocks far down the page, lines wider than a phone) runs on every
    lesson, and must find that code here: a short lesson may have none, but a
    course where no lesson has any would leave the check proving nothing."""
    from course import contract, lessons

    return max(lessons.discover(), key=lambda lesson: contract.counts(lesson)["snippets"]).url


def missing_reason() -> str | None:
    if not (Path(BROWSER_PATH).is_file() or shutil.which(BROWSER_PATH)):
        return f"no browser at {BROWSER_PATH} (apt-get install chromium, or set BROWSER_PATH)"
    if not AXE.is_file():
        return "axe-core is missing: run `npm ci`"
    return None


def launch(playwright):
    return playwright.chromium.launch(executable_path=BROWSER_PATH, args=BROWSER_FLAGS)


# Each violation of the content security policy, said on the page's console.
REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation', event =>
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
    + ` (${event.sourceFile}:${event.lineNumber}) ${event.sample}`))"""


class PolicyWatched:
    """A browser whose every page reports content security policy violations
    (course/csp.py) into .violations; otherwise the browser itself."""

    def __init__(self, browser):
        self._browser = browser
        self.violations: list[str] = []

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self._note)
        return context

    def new_page(self, **options):
        """A page in a context of its own, closed with it, as Browser.new_page does."""
        context = self.new_context(**options)
        page = context.new_page()
        page.on("close", lambda _: context.close())
        return page

    def _note(self, message):
        if message.text.startswith("CSP violation:"):
            self.violations.append(f"{message.page.url if message.page else '?'}: {message.text}")

    def __getattr__(self, name):
        return getattr(self._browser, name)


def pages(site: Path) -> list[str]:
    """Every page a reader can open: URL paths relative to the site root."""
    from course.links import REDIRECT

    found = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if not REDIRECT.search(html.read_text(encoding="utf-8")):
            found.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return found


def fetched_bytes(browser, url: str) -> dict[str, int]:
    """Bytes on the wire (headers and compressed bodies) for each URL fetched
    to load a page and let it settle."""
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}

    def count(request):
        sizes[request.url] = sizes.get(request.url, 0) + sum(
            request.sizes()[part] for part in ("responseBodySize", "responseHeadersSize")
        )

    page.on("requestfinished", count)
    page.goto(url, wait_until="networkidle")
    # Kept as a time: a page's deferred requests (timers, lazy blocks) have no
    # event to wait on, and a request missed here would undercount the weight.
    page.wait_for_timeout(300)
    context.close()
    return sizes


def page_weight(fetched: dict[str, int]) -> tuple[int, int]:
    """A page's own bytes, and the editor's if the page fetched it."""
    editor = sum(size for url, size in fetched.items() if url.endswith(EDITOR))
    return sum(fetched.values()) - editor, editor


TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# True once no CSS transition or animation runs in an element (a drawer sliding in).
SETTLED = "element => element.getAnimations({subtree: true}).every(a => a.playState !== 'running')"
# Of the snippets where builds differ and this build printed: [how many, how
# many of them show this build's output] (one build at a time, outputs.css).
SHOWING_BUILD = """version => {
  const blocks = [...document.querySelectorAll(`.outputs:has(> .output-compare):has(> [data-builds~="${version}"])`)];
  const shown = blocks.filter(outputs =>
    getComputedStyle(outputs.querySelector(`[data-builds~="${version}"]`)).display !== 'none');
  return [blocks.length, shown.length];
}"""


def open_settled(page, url: str) -> None:
    """Open `url` once it has loaded and drawn twice: its scripts have run and
    the browser has scrolled to the #section. Not "networkidle", which waits
    half a second for requests that may never come (0.6 s a page against 0.1 s,
    the largest cost of the browser suite); a test that needs a later request
    (the editor, Python) waits for what that request brings."""
    page.goto(url, wait_until="load")
    # A function, not an expression: Playwright evaluates an expression with
    # eval(), which the site's content security policy blocks.
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate(TWO_FRAMES)


def wait_until_resolved_true(page, script: str, arg=None, timeout_ms: int = 60_000) -> None:
    """Wait until the async function `script` resolves to a truthy value.
    Not page.wait_for_function: it takes the Promise an async function returns
    as truthy, and returns at once, before the condition holds."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout_ms} ms: {script}")
        page.wait_for_timeout(250)  # the condition changes in the page, not here


# The site's service worker controls the page.
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
# Whether the service worker has kept every file (paths from the site's root):
# in its cache of that kind ("pages", "python-runtime"), or in any, for null.
KEPT = """async ([files, kind]) => {
  const where = kind ? { cacheName: `${kind} ${location.origin}/` } : {};
  const found = await Promise.all(files.map(file => caches.match(new URL(file, location.origin + '/'), where)));
  return found.every(Boolean);
}"""


def wait_until_kept(page, files: list[str], kind: str | None = None) -> None:
    """Wait until the service worker has kept `files` (see KEPT)."""
    wait_until_resolved_true(page, KEPT, [files, kind])


def found_on_every_page(browser, site_url: str, paths: list[str], width: int, script: str) -> dict:
    """What `script` returns on each page at `width` px, every block laid out,
    for the pages where it returns anything: {path: what it found}."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = {}
    for path in paths:
        open_settled(page, site_url + path)
        page.add_style_tag(content=RENDER_EVERYTHING)
        result = page.evaluate(script)
        if result:
            found[path or "/"] = result
    page.close()
    return found


def startup_trace(browser, url: str, categories: list[str]) -> list[dict]:
    """Chromium's trace events while `url` loads on a phone, until Material's
    script has set the page up: the page has loaded, the network is idle and
    two frames have been drawn since. (Chromium can call the network idle while
    it is still parsing a long page, all of whose files have arrived: the trace
    then stopped before Material's script had run, about 1 load in 4.)"""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    with tempfile.TemporaryDirectory() as folder:
        trace = Path(folder) / "trace.json"
        browser.start_tracing(page=page, path=trace, categories=categories)
        open_settled(page, url)
        browser.stop_tracing()
        events = json.loads(trace.read_text())["traceEvents"]
    page.close()
    return events


def restyled_at_startup(browser, url: str) -> int:
    """Elements Chromium styled while `url` started up on a phone, each counted
    every time it was styled again: a count of work that, unlike a timing, does
    not change with the machine's load. Much of a lesson's blocking time on a
    phone is this work (tests/browser/test_restyles.py)."""
    events = startup_trace(browser, url, ["devtools.timeline", "disabled-by-default-devtools.timeline"])
    return sum(
        event["args"].get("elementCount", 0)
        for event in events
        if event.get("name") == "UpdateLayoutTree" and event.get("ph") == "X"
    )


def read_queries() -> list[dict]:
    with QUERIES.open(encoding="utf-8") as file:
        return [row for row in csv.DictReader(file) if not row["query"].startswith("#")]


def search(browser, base_url: str, queries: list[dict], viewport: str = "desktop") -> dict:
    """Type each query key by key into the search box, as a reader would."""
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    page.add_init_script(COUNT_SEARCH_ANSWERS)
    page.goto(base_url)
    box = page.locator("input[data-md-component=search-query]")
    page.keyboard.press("/")
    page.wait_for_function(SEARCH_READY, timeout=60_000)  # not timed: the first query would include it
    page.keyboard.press("Escape")
    results = []
    for row in queries:
        page.keyboard.press("/")
        box.fill("")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        box.press_sequentially(row["query"][:-1], delay=40)
        # Each keyup is a query: the last keystroke is timed alone, once every
        # earlier query has its answer, and the results read are its own.
        page.wait_for_function(ALL_ANSWERED, arg=0, timeout=30_000)
        asked = page.evaluate("() => window.searchAnswers.asked")
        box.press(row["query"][-1])
        started = time.perf_counter()
        page.wait_for_function(ALL_ANSWERED, arg=asked, timeout=30_000)
        latency = time.perf_counter() - started
        page.evaluate(TWO_FRAMES)  # drawn
        # Each page's group starts with the page itself, scored 0 unless it matched.
        found = page.locator("a.md-search-result__link").evaluate_all(
            "els => els.filter(a => parseFloat(a.querySelector('article').dataset.mdScore) > 0)"
            ".map(a => a.getAttribute('href'))"
        )
        locations = _without_group_headers([_location(href, base_url) for href in found])
        shown = page.locator(".md-search-result__list").inner_text()
        results.append({**row, "found": locations[:3], "latency_s": latency, "shown": shown})
        page.keyboard.press("Escape")
    page.close()
    first = sum(r["found"][:1] == [r["expected"]] for r in results)
    top3 = sum(r["expected"] in r["found"][:3] for r in results)
    return {
        "queries": len(results),
        "hit_at_1": first / len(results),
        "hit_at_3": top3 / len(results),
        "median_latency_ms": statistics.median(r["latency_s"] for r in results) * 1000,
        "results": results,
    }


def _location(href: str, base_url: str) -> str:
    """'page/#anchor' without the host or the ?h= highlight parameter."""
    path = href.replace(base_url, "").split("?")[0]
    anchor = href.split("#", 1)[1] if "#" in href else ""
    return f"{path}#{anchor}" if anchor else path


def _without_group_headers(locations):
    """Material lists each page's own entry above that page's matching sections,
    as the header of a group. A header followed by its own sections is the
    group's container, not a competing result; a page that matched alone stays."""
    kept = []
    for i, location in enumerate(locations):
        following = locations[i + 1] if i + 1 < len(locations) else ""
        if "#" not in location and following.startswith(location + "#"):
            continue
        if location not in kept:
            kept.append(location)
    return kept


# Counts the queries Material's page script sends its search worker and the
# answers that come back (types 2 and 3 of Material's worker messages).
COUNT_SEARCH_ANSWERS = """(() => {
  const counts = (window.searchAnswers = { asked: 0, answered: 0 });
  window.Worker = class extends window.Worker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => { if (event.data?.type === 3) counts.answered += 1; });
    }
    postMessage(message, ...rest) {
      if (message?.type === 2) counts.asked += 1;
      super.postMessage(message, ...rest);
    }
  };
})()"""
# True once more than `before` queries were asked and every one has its answer.
ALL_ANSWERED = (
    "before => window.searchAnswers.asked > before && window.searchAnswers.answered === window.searchAnswers.asked"
)


def run_axe(page) -> list[dict]:
    # axe reads colours from what is painted: a block not rendered yet
    # (offscreen.css) would show it whatever lies behind the block instead.
    page.add_style_tag(content=RENDER_EVERYTHING)
    # Evaluated, not added as a <script>: the site's policy (course/csp.py)
    # would block an inline script the site did not build.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    report = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in report["violations"]
    ]


def save_report(name: str, data) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


# Distance from the bottom of Material's fixed header to the heading.
BELOW_HEADER = """id => document.getElementById(id).getBoundingClientRect().top
                       - document.querySelector('.md-header').getBoundingClientRect().bottom"""

# The same, as the next frame is drawn. A block above the heading can grow
# between frames; page-fixes.js puts the heading back from a ResizeObserver,
# before that frame is drawn. Measured between frames, the heading was caught
# 22 px off once in CI, a place never drawn. An observer made now is called
# after page-fixes.js's (observers are called in the order they were made).
AS_DRAWN_BELOW_HEADER = f"""id => new Promise(resolve => {{
  const observer = new ResizeObserver(() => {{ observer.disconnect(); resolve(({BELOW_HEADER})(id)); }});
  observer.observe(document.body);  // its first call comes with the next frame
}})"""

# Where a section's heading should land: just under the header.
TOP_BAND = (-2, 40)


# True once every block the runner sets up as it nears the screen (within its
# 1000 px margin, runner.js) has its controls, and each exercise its editor.
NEAR_BLOCKS_SET_UP = """() => [...document.querySelectorAll('.runnable, .exercise')].filter(box => {
  const { top, bottom } = box.getBoundingClientRect();
  return bottom > -1000 && top < innerHeight + 1000;
}).every(box => box.querySelector(box.matches('.exercise') ? '.cm-editor' : 'button, .runner-native'))"""


def landing(page, section):
    """How far below the header the heading is drawn on arrival, and again once
    the blocks near it have rendered and the runner has set them up (the
    moments a heading was seen to move)."""
    landed = page.evaluate(AS_DRAWN_BELOW_HEADER, section)
    page.wait_for_function(NEAR_BLOCKS_SET_UP, timeout=20_000)
    page.evaluate(TWO_FRAMES)  # what they changed is laid out and drawn
    return landed, page.evaluate(AS_DRAWN_BELOW_HEADER, section)


def at_the_top_and_still(landed, settled):
    low, high = TOP_BAND
    return low <= landed <= high and abs(settled - landed) <= 1
