"""Readers' queries, typed key by key into the search box, find their section first."""

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support import browser as chromium


def test_every_query_returns_its_section_first(browser, site_url):
    queries = chromium.read_queries()
    assert len(queries) >= 40
    report = chromium.search(browser, site_url, queries)
    chromium.save_report("search", report)
    misses = [f"{r['query']!r}: wanted {r['expected']}, got {r['found']}"
              for r in report["results"] if r["found"][:1] != [r["expected"]]]
    assert not misses, f"hit@1 {report['hit_at_1']:.2f}:\n" + "\n".join(misses)


def test_every_glossary_term_finds_its_entry(browser, site_url, built_site):
    """Entries rank below the lessons (hooks/search_scope.py), but a reader who
    types a term still gets its definition among the results."""
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
            entry.first.wait_for(state="attached", timeout=10_000)
        except PlaywrightTimeout:
            missing.append(term)
        page.keyboard.press("Escape")
    page.close()
    assert not missing, f"glossary entries not among the results for: {missing}"
