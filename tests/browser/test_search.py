"""Readers' queries, typed key by key into the search box, find their section first."""

from tests.support import browser as chromium


def test_every_query_returns_its_section_first(browser, site_url):
    queries = chromium.read_queries()
    assert len(queries) >= 40
    report = chromium.search(browser, site_url, queries)
    chromium.save_report("search", report)
    misses = [f"{r['query']!r}: wanted {r['expected']}, got {r['found']}"
              for r in report["results"] if r["found"][:1] != [r["expected"]]]
    assert not misses, f"hit@1 {report['hit_at_1']:.2f}:\n" + "\n".join(misses)
