"""Readers' queries, typed key by key into the search box, find their section first."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support import browser as chromium

# Version tab labels run together, as they read in result text when a tab
# set's labels were indexed ("3.11.7 · 64-bit Linux3.12.1 · 64-bit Linux").
# The builds box's prose names builds too, with commas between them.
RUN_TOGETHER_LABELS = re.compile(r"(?:Linux|WebAssembly)\d+\.\d+")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_query_returns_its_section_first(browser, site_url, viewport):
    queries = chromium.read_queries()
    assert len(queries) >= 100
    report = chromium.search(browser, site_url, queries, viewport)
    if viewport == "desktop":
        chromium.save_report("search", report)
    misses = [
        f"{r['query']!r}: wanted {r['expected']}, got {r['found']}"
        for r in report["results"]
        if r["found"][:1] != [r["expected"]]
    ]
    assert not misses, f"hit@1 {report['hit_at_1']:.2f}:\n" + "\n".join(misses)
    labelled = [r["query"] for r in report["results"] if RUN_TOGETHER_LABELS.search(r["shown"])]
    assert not labelled, f"build names run together in the results shown for {labelled}"


def test_every_glossary_term_finds_its_entry(browser, site_url, built_site):
    """Entries rank below the lessons (theme/hooks/search_scope.py), but a reader who
    types a term sees its definition in the first results Material shows (ten
    pages' groups), without scrolling the list."""
    site, _ = built_site
    glossary = (site / "cs-fundamentals" / "glossary" / "index.html").read_text(encoding="utf-8")
    terms = re.findall(r'<h2[^>]* id="([^"]+)"[^>]*>([^<(]+)', glossary)
    assert len(terms) >= 15
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    page.goto(site_url)
    box = page.locator("input[data-md-component=search-query]")
    missing = []
    for anchor, term in terms:
        page.keyboard.press("/")
        term = term.strip()
        box.fill(term[:-1])
        box.press(term[-1])  # Material searches on keyup, which fill() alone does not send
        entry = page.locator(f'a.md-search-result__link[href*="/glossary/"][href$="#{anchor}"]')
        try:
            entry.first.wait_for(state="attached", timeout=5_000)
        except PlaywrightTimeout:
            missing.append(term)
        page.keyboard.press("Escape")
    page.close()
    assert not missing, f"glossary entries not among the first results for: {missing}"


# Identifiers a reader types on a phone, and the section each must open.
PHONE_QUERIES = {
    "GIL": "cs-fundamentals/gil-and-concurrency/",  # the lesson's title names it
    "LOAD_FAST": "cs-fundamentals/source-to-bytecode/#instructions",
    "__pycache__": "cs-fundamentals/pyc-files/#pyc-files",
    "what is the GIL": "cs-fundamentals/gil-and-concurrency/",  # a question: its topic, the GIL
    "garbge collection": "cs-fundamentals/memory-management/#garbage-collector",  # a typo
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_first_result_lands_on_its_section(browser, site_url, scheme):
    problems = []
    for query, expected in PHONE_QUERIES.items():
        page = browser.new_page(viewport=chromium.VIEWPORTS["phone"], color_scheme=scheme)
        chromium.open_settled(page, site_url)
        page.locator("label.md-header__button[for='__search']").click()
        page.wait_for_function(chromium.SEARCH_READY, timeout=60_000)
        box = page.locator("input[data-md-component=search-query]")
        # Only the whole query is searched (on its last keyup): a prefix's
        # results, drawn first, would be clicked instead.
        box.fill(query[:-1])
        box.press(query[-1])
        # The first section a reader sees; or, for a lesson whose title names the
        # query (its sections then fold under it), the first result of all.
        section_link = "[href*='#']" if "#" in expected else ""
        first = page.locator(f"li.md-search-result__item a.md-search-result__link{section_link}:visible").first
        first.wait_for(timeout=10_000)
        first.click()
        section = expected.partition("#")[2]  # no section: the page opens at its top
        page.wait_for_function("() => location.pathname !== '/'")  # left the home page
        low, high = chromium.TOP_BAND
        if section:
            try:  # Material's instant navigation fetches the page, swaps it in, then scrolls
                page.wait_for_function(
                    f"() => document.getElementById('{section}') && "
                    f"(y => {low} <= y && y <= {high})(({chromium.BELOW_HEADER})('{section}'))",
                    timeout=5_000,
                )
            except PlaywrightTimeout:
                pass  # reported below, with where it is
        opened = re.sub(r"\?h=[^#]*", "", page.url)  # search.highlight's ?h=query
        if opened != site_url + expected:
            problems.append(f"{query}: the first result opened {opened.removeprefix(site_url)}, not {expected}")
        elif section:
            landed, settled = chromium.landing(page, section)
            if not chromium.at_the_top_and_still(landed, settled):
                problems.append(f"{query}: landed {landed:.0f} px, then {settled:.0f} px below the header")
        if page.locator("#__search").is_checked():
            problems.append(f"{query}: search still covers the page")
        page.close()
    assert not problems, f"search on a phone ({scheme}):\n" + "\n".join(problems)
