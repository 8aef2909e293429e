"""A lesson read on a phone: its first screen says what it teaches, how long it
takes and that its code runs in the page; its table of contents is in the drawer, the
version table shows whole names and every version, nothing that runs off the
right edge hides that it does, charts are legible and follow the theme, a
predict-then-run question is not crossed by its box's border and keeps its code
on one line, no code line hides its end, and no page is wider than a 320 px
screen."""

import base64

import pytest

from course import contract, lessons
from tests.support import browser as chromium

LESSONS = [lesson.url for lesson in lessons.discover()]
# Lessons with figures.
WITH_FIGURES = [lesson.url for lesson in lessons.discover() if ".svg)" in lesson.page.read_text(encoding="utf-8")]

# Headings the page's table of contents lists (Material's toc_depth: h2 and h3).
HEADINGS = "() => document.querySelectorAll('.md-content h2[id], .md-content h3[id]').length"


# Where on the first screen each thing a reader needs first is: its top edge,
# against the window's height (null when the page lacks it).
FIRST_SCREEN = """() => {
  const box = document.querySelector('#objectives + .lesson-box');
  const top = element => element ? element.getBoundingClientRect().top : null;
  const runsHere = box && [...box.querySelectorAll('p')].find(p => p.textContent.includes('runs right here'));
  return {
    height: innerHeight,
    time: top(box && [...box.querySelectorAll('strong')].find(s => s.textContent === 'Time:')),
    runsHere: top(runsHere),
    firstObjective: runsHere ? top(box.querySelector('li')) : null,
    buildsBoxOpen: document.getElementById('which-python')?.closest('details')?.open ?? null,
  };
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_first_screen_says_what_it_teaches_how_long_and_that_code_runs_here(browser, site_url, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    missing = {}
    for lesson in LESSONS:
        chromium.open_settled(page, site_url + lesson)
        seen = page.evaluate(FIRST_SCREEN)
        below = [
            what
            for what in ("time", "runsHere", "firstObjective")
            if seen[what] is None or seen[what] > seen["height"] - 40
        ]
        if below or seen["buildsBoxOpen"] is not False:
            missing[lesson] = (below, seen)
    page.close()
    assert not missing, f"not on the first screen, or the builds box open: {missing}"


@pytest.fixture
def phone(browser):
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"])
    yield page
    page.close()


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_drawer_lists_the_lessons_sections(phone, site_url, lesson):
    phone.goto(site_url + lesson)
    phone.click(".md-header label[for=__drawer]")
    opener = phone.locator(".md-nav--primary .md-nav__link[for=__toc]")
    assert opener.count() == 1, f"{lesson}: no table of contents in the drawer"
    opener.click()
    drawer = phone.locator(".md-nav--primary").element_handle()
    phone.wait_for_function(chromium.SETTLED, arg=drawer)  # the drawer's panel has slid in
    links = phone.locator(".md-nav--primary .md-nav--secondary a.md-nav__link")
    visible = [link for link in links.all() if link.is_visible()]
    headings = phone.evaluate(HEADINGS)
    # The lesson's own sections and the two the build adds (What you'll learn, Key takeaways).
    assert headings >= contract.MINIMUMS["sections"] + 2, f"{lesson}: only {headings} headings found"
    assert len(visible) == headings, f"{lesson}: {len(visible)} contents links in the drawer for {headings} headings"


# For the version table (its centred columns are the versions): names broken
# across lines, and version headers not fully inside the visible table.
VERSION_TABLE = """() => {
  const table = document.querySelector('.md-typeset table:has(th[style*="center"])');
  table.scrollIntoView();
  const box = table.getBoundingClientRect();
  const broken = [...table.querySelectorAll('td:first-child code')]
    .filter(code => code.getClientRects().length > 1 || code.scrollWidth > code.clientWidth + 1)
    .map(code => code.textContent);
  const hidden = [...table.querySelectorAll('th[style*="center"]')]
    .filter(th => { const r = th.getBoundingClientRect(), range = document.createRange();
                    range.selectNodeContents(th);
                    return r.left < box.left || r.right > box.right + 0.5 || r.right > innerWidth
                      || range.getClientRects().length > 1; })  /* "3.1" over "5" */
    .map(th => th.textContent);
  return {broken, hidden, versions: table.querySelectorAll('th[style*="center"]').length};
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_version_table_shows_whole_names_and_every_version(browser, site_url, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    page.goto(site_url + "cs-fundamentals/source-to-bytecode/")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")  # the table's note
    found = page.evaluate(VERSION_TABLE)
    page.close()
    assert found["versions"] >= 4
    assert not found["broken"], f"{viewport}: names broken across lines: {found['broken']}"
    assert not found["hidden"], f"{viewport}: version columns out of view: {found['hidden']}"


# The instructors' schedule: cells drawn outside the table's frame, and
# whether the frame scrolls sideways.
SCHEDULE = """() => {
  const wrap = document.querySelector('.lesson-schedule .md-typeset__scrollwrap');
  const frame = wrap.getBoundingClientRect();
  const out = [...wrap.querySelectorAll('th, td')].filter(cell => {
    const box = cell.getBoundingClientRect();
    return box.left < frame.left - 1 || box.right > frame.right + 1;
  }).map(cell => cell.textContent.trim());
  return {out, sideways: wrap.scrollWidth > wrap.clientWidth + 1, rows: wrap.querySelectorAll('tbody tr').length};
}"""


def test_the_instructors_schedule_fits_a_phone_without_scrolling_sideways(phone, site_url):
    chromium.open_settled(phone, site_url + "instructors/")
    phone.add_style_tag(content=chromium.RENDER_EVERYTHING)  # laid out as when scrolled to
    found = phone.evaluate(SCHEDULE)
    assert found["rows"] == len(lessons.discover()) + 1  # and the module's total
    assert not found["out"] and not found["sideways"], found


# Each figure drawn inline at the width the page gives its <img>: text set
# below 12 px on screen, or running past the drawing's edge, is a problem.
FIGURE_PROBLEMS = """async img => {
  const width = img.getBoundingClientRect().width;
  const holder = document.createElement('div');
  holder.style.width = width + 'px';
  holder.innerHTML = await (await fetch(img.src)).text();
  document.body.append(holder);
  const svg = holder.querySelector('svg');
  const view = svg.viewBox.baseVal;
  const scale = width / view.width;
  const problems = [];
  for (const text of svg.querySelectorAll('text')) {
    const px = parseFloat(getComputedStyle(text).fontSize) * scale;
    const box = text.getBBox();
    if (px < 12) problems.push(`"${text.textContent}" at ${px.toFixed(1)} px`);
    if (box.x < view.x || box.x + box.width > view.x + view.width) problems.push(`"${text.textContent}" clipped`);
  }
  holder.remove();
  return problems;
}"""


@pytest.mark.parametrize("lesson", WITH_FIGURES)
def test_figures_are_legible_on_a_phone(phone, site_url, lesson):
    phone.goto(site_url + lesson)
    figures = phone.locator('.md-content img[src$=".svg"]').all()
    problems = [
        f"{figure.get_attribute('src')}: {problem}"
        for figure in figures
        for problem in figure.evaluate(FIGURE_PROBLEMS)
    ]
    assert figures, f"{lesson}: no figures found"
    assert not problems, f"{lesson} at 390 px:\n" + "\n".join(problems)


# Mean brightness (0 black to 1 white) of a screenshot, decoded by the browser;
# of the columns from `left` to `right` (negative: from the right edge) if given.
BRIGHTNESS = """async ([png, left, right]) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const from = left ?? 0, to = right ?? image.width;
  const x = from < 0 ? image.width + from : from, width = (to <= 0 ? image.width + to : to) - x;
  const pixels = context.getImageData(x, 0, width, image.height).data;
  let sum = 0;
  for (let i = 0; i < pixels.length; i += 4) sum += (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 765;
  return sum / (pixels.length / 4);
}"""


@pytest.mark.parametrize("lesson", WITH_FIGURES)
def test_figures_are_dark_in_dark_mode(browser, site_url, lesson):
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"], color_scheme="dark")
    page.goto(site_url + lesson)
    bright = {}
    figures = page.locator('.md-content img[src$=".svg"]').all()
    assert figures, f"{lesson}: no figures found"
    for figure in figures:
        figure.scroll_into_view_if_needed()
        png = base64.b64encode(figure.screenshot()).decode()
        brightness = page.evaluate(BRIGHTNESS, [png, None, None])
        if brightness > 0.35:
            bright[figure.get_attribute("src")] = round(brightness, 2)
    page.close()
    assert not bright, f"figures brighter than a dark page in dark mode: {bright}"


# The page's scheme when its lesson text first arrives, before Material's script.
SCHEME_WHEN_TEXT_ARRIVES = """new MutationObserver((changes, observer) => {
  if (!document.querySelector('article')) return;
  window.schemeWhenTextArrived = document.body.dataset.mdColorScheme;
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});"""


@pytest.mark.parametrize("scheme, palette", [("light", "default"), ("dark", "slate")])
def test_a_first_visit_paints_in_the_readers_scheme_from_the_start(browser, site_url, scheme, palette):
    """Nothing saved yet: a reader whose system is dark sees the dark page
    from the first paint, not the light one until Material's script runs."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], color_scheme=scheme)
    page.add_init_script(SCHEME_WHEN_TEXT_ARRIVES)
    chromium.open_settled(page, site_url + LESSONS[0])
    early, settled = page.evaluate("[window.schemeWhenTextArrived, document.body.dataset.mdColorScheme]")
    page.close()
    assert (early, settled) == (palette, palette), f"{scheme} system: {early} as the text arrived, then {settled}"


PALETTE_STATE = """() => [document.body.dataset.mdColorScheme,
    document.querySelector('meta[name=color-scheme]').content,
    document.querySelector('form.md-header__option label:not([hidden])').title,
    document.querySelector('form.md-header__option input:checked').getAttribute('aria-label')]"""


def test_the_palette_toggle_follows_the_system_until_the_reader_picks(browser, site_url):
    """partials/palette.js, which replaces Material's palette script."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], color_scheme="light")
    chromium.open_settled(page, site_url + LESSONS[0])
    states = [page.evaluate(PALETTE_STATE)]
    page.emulate_media(color_scheme="dark")
    page.evaluate(chromium.TWO_FRAMES)  # media query changes are reported as a frame is drawn
    states.append(page.evaluate(PALETTE_STATE))
    page.locator("form.md-header__option label:not([hidden])").click()  # picks light
    page.reload(wait_until="networkidle")
    states.append(page.evaluate(PALETTE_STATE))
    page.focus("form.md-header__option input:checked")  # where Tab lands
    page.keyboard.press("Enter")
    states.append(page.evaluate(PALETTE_STATE))
    page.keyboard.press(" ")
    states.append(page.evaluate(PALETTE_STATE))
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.close()
    light = ["default", "light", "Switch to dark mode", "Switch to dark mode"]
    dark = ["slate", "dark", "Switch to light mode", "Switch to light mode"]
    assert states == [light, dark, light, dark, light], "light system, then dark, a click, a reload, Enter, Space"
    assert focused == "Switch to dark mode", "focus stays on the option in use, named for what it does"


# What scrolls sideways: a lesson's <code>, a notebook cell's <pre>.
SCROLLERS = ".md-content pre > code, .md-content .jp-Cell pre"
# Only the block's own background is left to see: no text, no buttons over it.
TEXT_HIDDEN = """.md-content pre, .md-content pre * {
  color: transparent !important; border-color: transparent !important }
.md-typeset pre button, .md-clipboard, .zeroclipboard-container { visibility: hidden !important }"""
# Each block with more to one side: [index, more to the left, more to the right].
WIDE_BLOCKS = f"""() => [...document.querySelectorAll('{SCROLLERS}')]
  .map((block, i) => [i, block.scrollLeft > 1, block.scrollLeft + block.clientWidth < block.scrollWidth - 1])
  .filter(([, left, right]) => left || right)"""
# Once the block's sideways scroll has come to rest (a script may scroll it
# as the page settles): [more to the left, more to the right].
SIDES_AT_REST = """async block => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  let last;
  do { last = block.scrollLeft; await frame(); await frame(); } while (block.scrollLeft !== last);
  return [block.scrollLeft > 1, block.scrollLeft + block.clientWidth < block.scrollWidth - 1];
}"""
NOTEBOOKS = [lesson + "notebook/" for lesson in LESSONS]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", LESSONS + NOTEBOOKS)
def test_blocks_that_scroll_sideways_show_it(browser, site_url, path, scheme):
    """Where a line runs past an edge at 390 px, that edge is
    visibly shaded (compared with the block's middle), before any scrolling."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], color_scheme=scheme)
    chromium.open_settled(page, site_url + path)
    page.add_style_tag(content=chromium.RENDER_EVERYTHING)
    page.add_style_tag(content=TEXT_HIDDEN)
    blocks = page.locator(SCROLLERS)
    wide = page.evaluate(WIDE_BLOCKS)
    unmarked = []
    for index, _, _ in wide:
        block = blocks.nth(index)
        if not block.is_visible():
            continue  # another build's output, not shown
        block.scroll_into_view_if_needed()
        if not block.is_visible():
            continue  # hidden once scrolled to: nothing to shade
        more_left, more_right = block.evaluate(SIDES_AT_REST)
        png = base64.b64encode(block.screenshot()).decode()
        middle = page.evaluate(BRIGHTNESS, [png, 100, 106])
        edges = [edge for edge, more in [((0, 6), more_left), ((-6, 0), more_right)] if more]
        if any(abs(middle - page.evaluate(BRIGHTNESS, [png, *edge])) < 0.03 for edge in edges):
            unmarked.append(block.evaluate("block => block.textContent.split('\\n')[0]"))
    page.close()
    if path.startswith(chromium.longest_lesson()):  # the lesson or its notebook
        assert wide, f"{path}: no block wider than a phone; this test then proves nothing"
    assert not unmarked, (
        f"{path}: {len(unmarked)} of {len(wide)} wide blocks show no scroll shadow, e.g. {unmarked[:3]}"
    )


# Code blocks (not outputs) whose lines run past the block's edge, every
# solution open: the first line of each, and by how many px.
CODE_CUT_OFF = """() => {
  for (const details of document.querySelectorAll('.md-typeset details')) details.open = true;
  return [...document.querySelectorAll('.md-typeset .highlight:not(.no-copy) pre > code')]
    .filter(code => code.offsetParent && code.scrollWidth > code.clientWidth + 1)
    .map(code => [code.textContent.split('\\n')[0], code.scrollWidth - code.clientWidth]);
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_no_code_line_hides_its_end(browser, site_url, viewport):
    """Long code lines wrap, marked as continued (theme/hooks/code_rendering.py);
    outputs keep their columns and scroll, which the test above holds."""
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    cut = {}
    wrapped = 0
    for lesson in LESSONS:
        chromium.open_settled(page, site_url + lesson)
        page.add_style_tag(content=chromium.RENDER_EVERYTHING)
        wrapped += page.evaluate("() => document.querySelectorAll('code .wrap').length")
        if found := page.evaluate(CODE_CUT_OFF):
            cut[lesson] = found
    page.close()
    assert wrapped > 20, f"{wrapped} long code lines in the whole course: this test then proves little"
    assert not cut, f"code lines cut off at the block's edge: {cut}"


# For each predict-then-run question: how far its top is below its box's top.
QUESTION_BELOW_BOX_TOP = """() => [...document.querySelectorAll('.predict fieldset')].map(box =>
  box.querySelector('legend').getBoundingClientRect().top - box.getBoundingClientRect().top)"""


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_predict_question_sits_inside_its_box(phone, site_url, lesson):
    """A fieldset draws its top border through the middle of its legend: through
    the question's text wherever the question wraps, as most do on a phone."""
    chromium.open_settled(phone, site_url + lesson)
    below = phone.evaluate(QUESTION_BELOW_BOX_TOP)
    assert below, f"{lesson}: no predict-then-run questions found"
    assert all(gap >= 2 for gap in below), f"{lesson}: questions astride the box's top border: {below}"


# Code in a question broken over lines although its pieces, end to end, would
# fit on one, and code whose comma or full stop starts the next line.
SPLIT_CODE = """() => [...document.querySelectorAll('.predict legend code')].flatMap(code => {
  const text = document.createRange();
  text.selectNodeContents(code);
  const pieces = [...text.getClientRects()];
  const width = pieces.reduce((sum, piece) => sum + piece.width, 0);
  const split = pieces.length > 1 && width < code.closest('legend').clientWidth;
  const after = code.nextSibling;
  let detached = false;
  if (after?.nodeType === Node.TEXT_NODE && /^[,.:;?!]/.test(after.data)) {
    const mark = document.createRange();
    mark.setStart(after, 0);
    mark.setEnd(after, 1);
    detached = mark.getBoundingClientRect().top > pieces.at(-1).bottom - 2;
  }
  return [...(split ? [`${code.textContent} broken over lines`] : []),
          ...(detached ? [`${code.textContent} with its "${after.data[0]}" on the next line`] : [])];
})"""


@pytest.mark.parametrize("width", [320, 390])  # 320: WCAG's reflow width
@pytest.mark.parametrize("lesson", LESSONS)
def test_code_in_a_predict_question_stays_on_one_line(browser, site_url, lesson, width):
    """A question asks about a piece of code, such as `a + b`: broken into "a +"
    and "b" on a phone, it reads as two pieces; nor does a line start with the
    comma after it."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    chromium.open_settled(page, site_url + lesson)
    split = page.evaluate(SPLIT_CODE)
    page.close()
    assert not split, f"{lesson} at {width} px, in predict questions: {split}"


# How far the page is wider than the screen (0 where it fits).
SIDEWAYS = "Math.max(0, document.documentElement.scrollWidth - innerWidth)"


def test_no_page_scrolls_sideways_on_a_320_px_screen(browser, site_url, site_pages):
    """WCAG's reflow width: what is wider than the screen (code, tables, tab
    rows) scrolls in its own box, never the page."""
    sideways = chromium.found_on_every_page(browser, site_url, site_pages, 320, SIDEWAYS)
    assert not sideways, f"pages wider than a 320 px screen, by px: {sideways}"
