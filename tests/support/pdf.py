"""Just enough of a PDF reader for Chromium's print output: the pages in order
and how much text each one draws. (No PDF library is installed; Chromium's
PDFs use plain objects with Flate-compressed content streams.)"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

OBJECT = re.compile(rb"(\d+) 0 obj\b")
STREAM = re.compile(rb">>\s*stream(\r\n|\n)")
# Text drawn: `<glyph ids> Tj`, or `[<glyph ids> kerning ...] TJ`. Chromium's
# fonts take two bytes, four hex digits, a glyph.
SHOWN_STRING = re.compile(rb"<([0-9A-Fa-f]+)>\s*Tj|\[([^\]]*)\]\s*TJ")
HEX_STRING = re.compile(rb"<([0-9A-Fa-f]*)>")


def _glyphs(content: bytes) -> int:
    """How many glyphs a content stream draws. (Counting Tj operators instead
    undercounted prose: Chromium draws a word in one, code a glyph in each,
    so a full page of prose counted as a quarter of a page of code.)"""
    shown = 0
    for single, array in SHOWN_STRING.findall(content):
        strings = [single] if single else HEX_STRING.findall(array)
        shown += sum(len(string) // 4 for string in strings)
    return shown


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Object number -> (its dictionary, its decompressed stream or b"").
    Read in order, skipping each stream by its /Length: streams are binary."""
    found, position = {}, 0
    while match := OBJECT.search(pdf, position):
        end = pdf.find(b"endobj", match.end())
        stream = STREAM.search(pdf, match.end(), end)
        head, data = pdf[match.end() : end], b""
        position = end + len(b"endobj")
        if stream:
            head, start = pdf[match.end() : stream.start() + 2], stream.end()
            data = pdf[start : start + int(re.search(rb"/Length (\d+)", head)[1])]
            position = pdf.find(b"endobj", start + len(data)) + len(b"endobj")
            if b"/FlateDecode" in head:
                data = zlib.decompressobj().decompress(data)
        found[int(match[1])] = (head, data)
    return found


def _references(text: bytes) -> list[int]:
    return [int(number) for number in re.findall(rb"(\d+) 0 R", text)]


def text_per_page(pdf: bytes) -> list[int]:
    """For each page, in reading order, how many glyphs of text it draws."""
    objects = _objects(pdf)
    root = _references(re.search(rb"/Root (\d+ 0 R)", pdf)[1])[0]
    pages_tree = _references(re.search(rb"/Pages (\d+ 0 R)", objects[root][0])[1])[0]
    counts = []

    def walk(number):
        head = objects[number][0]
        if re.search(rb"/Type\s*/Pages\b", head):
            for kid in _references(re.search(rb"/Kids\s*\[(.*?)\]", head, re.S)[1]):
                walk(kid)
            return
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", head, re.S)
        streams = _references(contents[1]) if contents else []
        counts.append(sum(_glyphs(objects[s][1]) for s in streams))

    walk(pages_tree)
    return counts


PRINT_PAGE = "print_page/"
# The print budget (docs/assets/print.css): each lesson may take 2 A4 sheets
# plus 0.24 a minute of reading; each part of the printout (a page of the
# site, or the solutions) starts a new sheet, whose last one is half empty on
# average; and the cover and contents take two. The whole module prints on
# fewer sheets than that sum.
PAGES_PER_LESSON, PAGES_PER_READING_MINUTE, PAGES_PER_PART = 2, 0.24, 0.5
FRONT_MATTER_PAGES = 2


def parts(site: Path) -> int:
    """The printout's parts that start a new sheet: each page of the site
    (the plugin's `<section class="print-page"`; its nav sections use single
    quotes) and the solutions gathered at the end."""
    return (site / PRINT_PAGE / "index.html").read_text(encoding="utf-8").count('<section class="print-page"') + 1


def pages_target(site: Path) -> float:
    """The module's print budget, from the built site's syllabus.json and print page."""
    lessons = json.loads((site / "syllabus.json").read_text(encoding="utf-8"))["lessons"]
    reading = sum(PAGES_PER_LESSON + PAGES_PER_READING_MINUTE * item["minutes"]["reading"] for item in lessons)
    return FRONT_MATTER_PAGES + reading + PAGES_PER_PART * parts(site)


def print_page_pdf(browser, base_url: str) -> bytes:
    """The all-in-one print page as Chromium prints it to A4."""
    page = browser.new_page()
    page.goto(base_url + PRINT_PAGE, wait_until="networkidle")
    # The page is long: the network can fall quiet while it is still being
    # parsed, before its script gathers the solutions at the end.
    page.wait_for_selector("#solutions", state="attached")
    pdf = page.pdf(format="A4")
    page.close()
    return pdf
