"""The bytecode explorer (/explorer/), used as a learner and an instructor would:
a link opens the listings it holds, on every series, exactly as `dis` prints
them there; two builds' differences are marked; an edit recompiles and the
address follows; the specialised listing, a syntax error and a series the
site does not serve are said; the stepper walks a run to its end and back on
every series, draws one object under two names, and stops at its step limit
or when asked; it passes axe at phone width in both schemes with the stepper
open; and after one use it lists and steps offline."""

import base64
import json

import pytest

from course import interpreters, lessons, runtime
from tests.support import browser as chromium
from tests.support import explorer, runner_timing, stepper
from tests.support.server import serving
from tests.test_stepper import WALK

ALL = list(runtime.PACKAGES)  # 3.11 ... 3.15
# A branch, a call, a list and arithmetic: every series lists it differently.
CODE = "def grow(items, x):\n    if x > 0:\n        items.append(x - 1)\n    return items\n\n\nprint(grow([], 3))\n"
LISTED = """builds => builds.every(b => {
  const pre = document.querySelector(`pre[data-build='${b}']`);
  return pre && !pre.closest('[hidden]') && pre.textContent.includes('RESUME');
})"""
START_LIMIT_MS = 120_000  # five Pythons starting at once on a 2-core machine
STEPPER_OPEN = "() => { const panel = document.querySelector('.stepper__panel'); return panel && !panel.hidden; }"
# Presses one of the stepper's buttons until it is disabled (the run's end or
# start), noting the current frame's stack depth at each step, as drawn.
WALK_THROUGH = """label => {
  const button = document.querySelector(`.stepper__controls button[aria-label='${label}']`);
  const depth = () => {
    const current = document.querySelector('.stepper__frame[aria-current]');
    return current.querySelectorAll('.stepper__stack li:not(.stepper__empty)').length;
  };
  const seen = [depth()];
  while (!button.disabled) {
    button.click();
    seen.push(depth());
  }
  return seen;
}"""


def permalink(site_url: str, code: str, builds: list[str], more: str = "") -> str:
    return f"{site_url}explorer/#code={explorer.encode_code(code)}&builds={','.join(builds)}{more}"


def listing(page, series: str) -> str:
    return page.locator(f"pre[data-build='{series}']").text_content()


def code_in_address(page) -> str:
    fields = dict(part.split("=", 1) for part in page.evaluate("() => location.hash").lstrip("#").split("&"))
    return base64.urlsafe_b64decode(fields["code"] + "=" * (-len(fields["code"]) % 4)).decode("utf-8")


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """What `dis` prints for CODE on each series, outside the browser."""
    explorer.require_runtimes()
    program = tmp_path_factory.mktemp("explorer") / "listing.py"
    program.write_text(explorer.program([CODE]), encoding="utf-8")
    return {series: interpreters.run_pyodide([program], series)[program].output for series in ALL}


def test_a_link_opens_its_code_on_every_series_as_dis_prints_it_there(browser, site_url, expected):
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    page.goto(permalink(site_url, CODE, ALL))
    page.wait_for_function(LISTED, arg=ALL, timeout=START_LIMIT_MS)
    for series in ALL:
        printed = expected[series].split(explorer.NEXT_CODE)[0].rstrip("\n")
        assert explorer.without_addresses(listing(page, series).rstrip("\n")) == explorer.without_addresses(printed)
        title = page.locator(f"#listing-{series.replace('.', '-')}").text_content()
        built = runtime.describe(interpreters.ROOT, runtime.PACKAGES[series])
        assert title == f"{series} {built['build']}", title  # "3.12 3.12.7 · Pyodide 0.27.7 · 32-bit WebAssembly"
    assert code_in_address(page) == CODE
    page.close()
    # Only the builds a link names are shown; the others wait, unloaded.
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    page.goto(permalink(site_url, CODE, ["3.12"]))
    page.wait_for_function(LISTED, arg=["3.12"], timeout=START_LIMIT_MS)
    shown = page.locator(".explorer__listing:not([hidden]) pre").evaluate_all("all => all.map(p => p.dataset.build)")
    assert shown == ["3.12"]
    page.close()


def test_differences_are_marked_and_an_edit_recompiles_into_the_address(browser, site_url):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    page.goto(permalink(site_url, "x = 1\n", ["3.13", "3.14"], "&compare=3.13,3.14"))
    page.wait_for_function(LISTED, arg=["3.13", "3.14"], timeout=START_LIMIT_MS)
    page.locator(".explorer__summary", has_text="Marked").wait_for()
    older = page.locator("pre[data-build='3.13'] mark").all_text_contents()
    newer = page.locator("pre[data-build='3.14'] mark").all_text_contents()
    # 3.14 loads a small int with its own instruction, and ends with LOAD_CONST + RETURN_VALUE.
    assert any("LOAD_CONST" in line and "(1)" in line for line in older), older
    assert any("LOAD_SMALL_INT" in line for line in newer) and any("RETURN_CONST" in line for line in older)
    assert not any("STORE_NAME" in line for line in older + newer)  # both have it: unmarked
    summary = page.locator(".explorer__summary").text_content()
    assert summary == f"Marked: {len(older)} lines of 3.13 and {len(newer)} lines of 3.14 that the other does not have."

    page.locator(".cm-content").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("y = x - 2")
    page.wait_for_function(
        "() => ['3.13', '3.14'].every(b => document.querySelector(`pre[data-build='${b}']`).textContent.includes('(-)'))",
        timeout=10_000,
    )
    assert code_in_address(page) == "x = 1\ny = x - 2"
    page.close()


def test_the_specialised_listing_and_a_syntax_error_are_said(browser, site_url):
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    loop = "def add(a, b):\n    return a + b\n\n\nfor i in range(100):\n    add(i, 1)\n"
    page.goto(permalink(site_url, loop, ["3.14"], "&adaptive=1"))
    status = page.locator("#listing-3-14 ~ .explorer__status")
    status.filter(has_text="Specialised after 10 runs of your code.").wait_for(timeout=START_LIMIT_MS)
    assert "BINARY_OP_ADD_INT" in listing(page, "3.14")
    assert page.locator(".explorer__adaptive input").is_checked()
    # A specialised name is marked, and links to where the course explains it (or else its family).
    specialised = page.locator("pre[data-build='3.14'] a.explorer__specialised", has_text="BINARY_OP_ADD_INT")
    assert specialised.get_attribute("aria-label") == "BINARY_OP_ADD_INT, specialised from BINARY_OP"
    explained = page.evaluate("() => fetch('../assets/explorer/instructions.json').then(r => r.json())")
    assert specialised.get_attribute("href").endswith(explained.get("BINARY_OP_ADD_INT", explained["BINARY_OP"]))
    page.close()
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    page.goto(permalink(site_url, "x = (\n", ["3.14"]))
    said = page.locator("#listing-3-14 ~ .explorer__status--code")  # in code's font: the caret lines up
    said.filter(has_text="SyntaxError").wait_for(timeout=START_LIMIT_MS)
    assert "'(' was never closed" in said.text_content() and listing(page, "3.14") == ""
    page.close()


def test_a_series_the_site_does_not_serve_is_named_with_how_to_add_it(browser, site_url, built_site):
    site, _ = built_site
    served = json.loads((site / "assets/runtime/runtime.json").read_text(encoding="utf-8"))
    del served["runtimes"]["3.11"]
    served["missing"] = {"3.11": runtime.PACKAGES["3.11"]}
    # No service worker: it would answer the request before the route could.
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], service_workers="block")
    page.route("**/assets/runtime/runtime.json", lambda route: route.fulfill(json=served))
    page.goto(permalink(site_url, "pass\n", ["3.11", "3.14"]))
    page.wait_for_function(LISTED, arg=["3.14"], timeout=START_LIMIT_MS)
    assert page.locator(".explorer__builds input[value='3.11']").is_disabled()
    said = page.locator(".explorer__missing").text_content()
    assert said == f"This copy of the site does not serve 3.11: its author adds them with {runtime.ADD_MISSING}."
    assert "builds=3.14&" in page.evaluate("() => location.hash")  # the address keeps what is shown
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_explorer_passes_axe_and_fits_a_phone(browser, site_url, scheme):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], color_scheme=scheme)
    page.goto(permalink(site_url, CODE, ["3.13", "3.14"], "&adaptive=1&step=3.14"))
    page.wait_for_function(LISTED, arg=["3.13", "3.14"], timeout=START_LIMIT_MS)
    page.locator(".explorer__summary", has_text="Marked").wait_for()
    page.wait_for_function(STEPPER_OPEN, timeout=START_LIMIT_MS)
    page.get_by_role("button", name="Forward one line").click()  # into the middle of the run: frames, objects
    page.get_by_role("button", name="Forward one line").click()
    violations = chromium.run_axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= chromium.VIEWPORTS["phone"]["width"]
    page.close()


def test_after_one_use_the_explorer_lists_and_steps_offline(browser, built_site):
    """Two series at once: the service worker keeps each runtime it serves,
    not only the last one used."""
    site, _ = built_site
    series = ["3.13", "3.14"]
    files = []
    for each in series:
        package = interpreters.ROOT / "node_modules" / runtime.PACKAGES[each]
        folder = runtime.describe(interpreters.ROOT, runtime.PACKAGES[each])["path"]
        files += [folder + name for name in runtime.runtime_files(package)]
    context = browser.new_context(viewport=chromium.VIEWPORTS["phone"])
    page = context.new_page()
    with serving(site) as url:
        # A reader who has been on the site: its service worker controls the
        # explorer from the start (on a first visit the explorer waits for it 3 s).
        chromium.open_settled(page, url)
        page.wait_for_function(chromium.CONTROLLED, timeout=30_000)
        link = permalink(url, "total = 2 + 3\n", series, "&step=3.13")
        page.goto(link)
        page.wait_for_function(LISTED, arg=series, timeout=START_LIMIT_MS)
        page.wait_for_function(STEPPER_OPEN, timeout=START_LIMIT_MS)
        chromium.wait_until_kept(page, files, "python-runtime")  # every runtime file of both series
        context.set_offline(True)
        page.goto("about:blank")
        page.goto(link)
        page.wait_for_function(LISTED, arg=series, timeout=START_LIMIT_MS)
        assert all("STORE_NAME" in listing(page, each) for each in series)
        page.wait_for_function(STEPPER_OPEN, timeout=START_LIMIT_MS)  # the stepper too
        assert page.locator(".stepper__status").text_content().endswith("steps recorded.")
    context.close()


def test_see_bytecode_opens_a_snippet_as_edited_in_the_explorer(browser, site_url):
    lesson = lessons.discover()[0]
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    chromium.open_settled(page, site_url + lesson.url)
    box = page.locator(".runnable:not([data-native-only])").first
    box.scroll_into_view_if_needed()  # its controls are added as it nears the screen
    box.get_by_role("button", name="Edit").click()
    edited = "total = 40 + 2\nprint(total)\n"
    runner_timing.type_code(page, box, edited)
    box.get_by_role("link", name="See bytecode").click()
    page.wait_for_function(LISTED, arg=["3.13", "3.14"], timeout=START_LIMIT_MS)
    assert code_in_address(page) == edited and "(total)" in listing(page, "3.14")
    page.close()


@pytest.fixture(scope="module")
def walk_depths(tmp_path_factory):
    """The stack depth at each step of WALK on each series, from the stepper
    run outside the browser (tests/test_stepper.py checks these against
    dis.stack_effect, and natively against CPython's own stack)."""
    explorer.require_runtimes()
    program = tmp_path_factory.mktemp("stepper") / "walk.py"
    program.write_text(stepper.program([WALK]), encoding="utf-8")
    depths = {}
    for series in ALL:
        [report] = stepper.reports(interpreters.run_pyodide([program], series)[program].output)
        assert not report["problems"], report["problems"]
        depths[series] = report["depths"]
    return depths


@pytest.mark.parametrize("series", ALL)
def test_the_stepper_walks_a_program_to_its_end_and_back(browser, site_url, walk_depths, series):
    """A branch, a loop, recursion, a list, a dict, a closure and a caught
    exception: every step drawn, forward and back, with the stack's depth."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    page.goto(permalink(site_url, WALK, [series], f"&step={series}"))
    page.wait_for_function(STEPPER_OPEN, timeout=START_LIMIT_MS)
    where = page.locator(".stepper__where")
    assert where.get_attribute("aria-live") == "polite"
    assert where.text_content().startswith(f"Step 1 of {len(walk_depths[series])}: line 1, next ")
    assert page.evaluate(WALK_THROUGH, "Step forward one instruction") == walk_depths[series]
    assert page.locator(".stepper__printed").text_content() == "{'ada': 47, 'bob': 2}\n"
    assert page.locator(".stepper__ended").text_content() == "This is the last instruction your code runs."
    assert page.evaluate(WALK_THROUGH, "Step back one instruction") == walk_depths[series][::-1]
    # Lines, from the keyboard: the first line forward leaves line 1.
    page.get_by_role("button", name="Forward one line").focus()
    page.keyboard.press("Enter")
    assert ": line 1," not in where.text_content()
    assert f"&step={series}" in page.evaluate("() => location.hash")
    page.close()


def test_the_stepper_shows_two_names_for_one_object(browser, site_url):
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    page.goto(permalink(site_url, "xs = [1, 2]\nys = xs\nys.append(3)\n", ["3.14"], "&step=3.14"))
    page.wait_for_function(STEPPER_OPEN, timeout=START_LIMIT_MS)
    page.get_by_role("button", name="End: the last step").click()
    refs = page.locator(".stepper__frame[aria-current] .stepper__names dd button").evaluate_all(
        "all => all.map(a => a.dataset.ref)"
    )
    assert len(refs) == 2 and refs[0] == refs[1]  # xs and ys
    title = page.locator(f".stepper__object[data-object='{refs[0]}'] .stepper__object-title").text_content()
    assert title == f"#{refs[0]} list, 2 references to it"
    # An arrow from each name to the list (numbers are written in place: no arrows).
    assert page.locator(".stepper__arrows > path").count() == 2
    page.close()


def test_the_stepper_stops_at_its_step_limit_and_when_asked(browser, site_url):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    page.goto(permalink(site_url, "n = 0\nwhile True:\n    n += 1\n", ["3.14"], "&step=3.14"))
    page.wait_for_function(STEPPER_OPEN, timeout=START_LIMIT_MS)
    page.get_by_role("button", name="End: the last step").click()
    ended = "Stopped after 5,000 steps: the stepper records at most that many."
    assert page.locator(".stepper__ended").text_content() == ended
    page.close()
    # One instruction that runs for ever (a built-in's loop): Stop ends it, and Python is ready again.
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    page.goto(permalink(site_url, "total = sum(range(10**15))\n", ["3.14"], "&step=3.14"))
    status = page.locator(".stepper__status")
    status.filter(has_text="Running your code on 3.14").wait_for(timeout=START_LIMIT_MS)
    page.get_by_role("button", name="Stop").click()
    status.filter(has_text="Stopped. Step through it again when you are ready.").wait_for()
    assert page.locator(".stepper__panel").is_hidden()
    page.close()


def test_a_lesson_steps_through_its_snippet_in_place_as_edited(browser, site_url):
    """The virtual machine's stack example ({stepper=yes}): its stepper runs
    on the page's Python, under the block, and steps through the code as edited."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    chromium.open_settled(page, site_url + "cs-fundamentals/virtual-machine/")
    box = page.locator(".runnable[data-snippet='value_stack']")
    box.scroll_into_view_if_needed()  # its controls are added as it nears the screen
    box.get_by_role("button", name="Step through it").click()
    box.locator(".stepper__panel:not([hidden])").wait_for(timeout=START_LIMIT_MS)
    assert box.locator(".stepper__status").text_content().startswith("Your code ran on 3.14.2 · Pyodide")
    forward = box.get_by_role("button", name="Forward one line")
    while not box.locator(".stepper__frame[aria-current] h3").text_content().startswith("total,"):
        forward.click()
    names = box.locator(".stepper__frame[aria-current] .stepper__names dt").all_text_contents()
    assert names == ["price", "quantity"]  # the call's arguments, bound; `cost` not yet
    box.get_by_role("button", name="End: the last step").click()
    assert box.locator(".stepper__printed").text_content() == "65\n"

    box.get_by_role("button", name="Edit").click()
    runner_timing.type_code(
        page, box, "def total(price, quantity):\n    return price - quantity\n\n\nprint(total(2, 3))\n"
    )
    box.get_by_role("button", name="Step through it on 3.14").click()
    # The new run keeps the learner's place (the last step here), which now prints -1.
    box.locator(".stepper__printed", has_text="-1").wait_for(timeout=START_LIMIT_MS)
    assert box.locator(".stepper__printed").text_content() == "-1\n"
    page.close()


def test_the_explorer_and_its_stepper_ask_nothing_of_another_origin(browser, site_url):
    """Five Pythons started, listed and one stepped through: every request,
    the workers' included, goes to this site."""
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    elsewhere, asked = [], []
    context.on(
        "request",
        lambda request: (
            (asked.append(request.url), request.url.startswith((site_url, "data:", "blob:")))[1]
            or elsewhere.append(request.url)
        ),
    )
    page = context.new_page()
    page.goto(permalink(site_url, WALK, ALL, "&step=3.11"))
    page.wait_for_function(LISTED, arg=ALL, timeout=START_LIMIT_MS)
    page.wait_for_function(STEPPER_OPEN, timeout=START_LIMIT_MS)
    context.close()
    assert any(url.endswith("stepper.py") for url in asked)  # the stepper's Python came from this site
    libraries = {url.split("/runtime/")[1].split("/")[0] for url in asked if url.endswith("python_stdlib.zip")}
    assert len(libraries) == len(ALL), libraries  # each series' standard library, from its own folder here
    assert not elsewhere, "\n".join(elsewhere)
