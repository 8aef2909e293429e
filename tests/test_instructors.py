"""What instructors use: the guide page, the syllabus files, the print page,
the citation file and the licence in the footer."""

import csv
import io
import json
import re

import yaml

from tests.support import lessons
from tests.support.interpreters import ROOT


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def test_syllabus_json_lists_lessons_in_order_with_working_section_links(built_site):
    site, _ = built_site
    syllabus = json.loads(read(site, "syllabus.json"))["lessons"]
    assert [lesson["title"] for lesson in syllabus] == ["Memory Architecture", "How Python Works"]
    for lesson in syllabus:
        assert lesson["minutes"]["reading"] > 0 and lesson["minutes"]["exercises"] > 0
        assert lesson["objectives"] and lesson["prerequisites"]
        assert not any("](" in text for text in lesson["prerequisites"]), "plain text, no Markdown links"
        page = read(site, re.sub(r"^https?://[^/]+/", "", lesson["url"]) + "index.html")
        anchors = [section["anchor"] for section in lesson["sections"]]
        assert {"objectives", "key-takeaways", "further-reading"} <= set(anchors)
        for anchor in anchors:
            assert f'id="{anchor}"' in page, f"syllabus links to #{anchor}, missing from {lesson['title']}"


def test_syllabus_csv_has_a_row_per_section(built_site):
    site, _ = built_site
    rows = list(csv.DictReader(io.StringIO(read(site, "syllabus.csv"))))
    sections = sum(len(lesson["sections"]) for lesson in json.loads(read(site, "syllabus.json"))["lessons"])
    assert len(rows) == sections
    assert rows[0]["lesson"] == "Memory Architecture" and rows[0]["url"].endswith("#objectives")


def test_instructors_page_links_every_section_of_every_lesson(built_site):
    site, _ = built_site
    html = read(site, "instructors/index.html")
    for lesson in json.loads(read(site, "syllabus.json"))["lessons"]:
        path = re.sub(r"^https?://[^/]+/", "", lesson["url"])
        for section in lesson["sections"]:
            assert f'href="../{path}#{section["anchor"]}"' in html, f"{lesson['title']}#{section['anchor']}"
        assert f"{lesson['minutes']['reading']} min reading" in html


def test_print_page_holds_every_lesson_with_its_solutions(built_site):
    site, _ = built_site
    html = read(site, "print_page/index.html")
    for lesson in lessons.discover():
        assert lesson.metadata()["title"] in html
        solutions = (lesson.try_it / "solutions.py").read_text(encoding="utf-8")
        for name in re.findall(r"^def (\w+)\(", solutions, re.MULTILINE):
            assert f'<span class="nf">{name}</span>' in html, f"solution {name} missing from the print page"
    assert "page-fixes.js" in html


def test_citation_file_is_complete():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "license"):
        assert citation.get(key), f"CITATION.cff lacks {key}"


def test_every_page_shows_the_licence_in_its_footer(built_site):
    site, _ = built_site
    for page in site.rglob("index.html"):
        assert "creativecommons.org/licenses/by/4.0/" in page.read_text(encoding="utf-8"), page
