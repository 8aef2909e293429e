"""The glossary and its tooltips say the same thing, and keyboards reach them."""

import re

from course.interpreters import ROOT

GLOSSARY = ROOT / "docs/cs-fundamentals/glossary.md"
TOOLTIPS = ROOT / "docs/includes/glossary-terms.md"
ENTRY = re.compile(r"^## .+? \{ #[\w-]+ \}\n\n(.+?)(?=\n\n)", re.MULTILINE | re.DOTALL)
TOOLTIP = re.compile(r"^\*\[(.+?)\]: (.+)$", re.MULTILINE)


def first_sentence(paragraph):
    return re.match(r"(.+?\.)(?:\s|$)", " ".join(paragraph.split()).replace("`", "")).group(1)


def test_every_tooltip_is_the_first_sentence_of_a_glossary_entry():
    definitions = {first_sentence(p) for p in ENTRY.findall(GLOSSARY.read_text(encoding="utf-8"))}
    tooltips = TOOLTIP.findall(TOOLTIPS.read_text(encoding="utf-8"))
    assert len(tooltips) >= 12
    for term, text in tooltips:
        assert text in definitions, f"tooltip for {term!r} differs from the glossary: {text!r}"


def test_glossary_entries_are_alphabetical():
    terms = re.findall(r"^## (.+?) \{", GLOSSARY.read_text(encoding="utf-8"), re.MULTILINE)
    assert terms == sorted(terms, key=str.lower)


def test_each_term_is_explained_once_per_page_and_takes_keyboard_focus(built_site):
    site, _ = built_site
    html = (site / "cs-fundamentals/memory-architecture/index.html").read_text(encoding="utf-8")
    tooltips = re.findall(r'<abbr([^>]*) title="([^"]+)">', html)
    titles = [title for _, title in tooltips]
    assert len(titles) >= 8 and len(titles) == len(set(titles)), "each term once, on its first use"
    assert all('tabindex="0"' in attributes for attributes, _ in tooltips)
    body = html[html.index('id="locality"') :]
    assert "pymalloc" in body and body.count("<abbr") < body.count("pymalloc"), "later uses are plain text"
