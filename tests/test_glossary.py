"""The glossary is written once: its tooltips come from its entries, and
keyboards reach them."""

import re

import pytest

from course import glossary
from course.errors import CourseError
from course.interpreters import ROOT

GLOSSARY = ROOT / "docs/cs-fundamentals/glossary.md"


def test_every_tooltip_is_the_first_sentence_of_its_entry():
    entries = glossary.entries(GLOSSARY)
    tooltips = glossary.tooltips(GLOSSARY)
    assert tooltips["GIL"] == glossary.first_sentence(entries["gil"].definition)
    assert (
        tooltips["bytecode"]
        == "The instructions of CPython's virtual machine, stored in a code object and listed by dis."
    )
    assert set(tooltips) >= {"arena", "arenas", "cache line", "cache lines"}, "a term's other forms have tooltips too"


def test_a_tooltip_for_an_unknown_entry_fails_naming_the_glossary(tmp_path):
    page = tmp_path / "glossary.md"
    page.write_text("---\ntooltips:\n  no-such-entry: [word]\n---\n\n## Term { #term }\n\nA term.\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"glossary\.md: 'tooltips' names 'no-such-entry'"):
        glossary.tooltips(page)


def test_glossary_entries_are_alphabetical():
    terms = [entry.term for entry in glossary.entries(GLOSSARY).values()]
    assert terms == sorted(terms, key=str.lower)


def test_each_term_is_explained_once_per_page_and_takes_keyboard_focus(built_site):
    site, _ = built_site
    # The lessons of the chapter "Memory Architecture", once one page.
    chapter = ("names-and-objects", "object-layout", "memory-management", "memory-in-practice")
    explained = set()
    for lesson in chapter:
        html = (site / f"cs-fundamentals/{lesson}/index.html").read_text(encoding="utf-8")
        tooltips = re.findall(r'<abbr([^>]*) title="([^"]+)">', html)
        titles = [title for _, title in tooltips]
        assert len(titles) == len(set(titles)), f"{lesson}: each term once, on its first use"
        assert all('tabindex="0"' in attributes for attributes, _ in tooltips), lesson
        explained.update(titles)
    assert len(explained) >= 8
    body = html[html.index('id="locality"') :]  # the last lesson: pymalloc was explained above locality
    assert "pymalloc" in body and body.count("<abbr") < body.count("pymalloc"), "later uses are plain text"
