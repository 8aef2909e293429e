"""What the built search index holds (theme/hooks/search_scope.py): prose, glossary
entries and the instructors' page (ranked low), but no builds box, code or
checkpoint choices."""

import html
import json
import re

import pytest

from course import builds, markdown


@pytest.fixture(scope="module")
def index(built_site):
    site, _ = built_site
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_the_builds_box_and_the_compare_toggle_stay_out_of_result_text(built_site, index):
    site, _ = built_site
    page = (site / "cs-fundamentals/object-layout/index.html").read_text(encoding="utf-8")
    machinery = [markdown.COMPARE_SUMMARY, markdown.COMPARE_OPEN, builds.BUILDS["3.15"].label]
    assert all(text in page for text in machinery), "the page lacks them: has their markup changed?"
    leaked = {(doc["location"], text) for doc in index for text in machinery if text in doc["text"]}
    assert not leaked, f"in the search text: {sorted(leaked)}"


def test_glossary_entries_are_indexed_with_a_low_boost(index):
    entries = [doc for doc in index if doc["location"].startswith("cs-fundamentals/glossary/#")]
    assert len(entries) >= 15, f"only {len(entries)} glossary entries in the index"
    assert all(0 < doc.get("boost", 1) < 0.01 for doc in entries)


def test_the_instructors_page_ranks_below_lessons(index):
    sections = [doc for doc in index if doc["location"].startswith("instructors/")]
    assert sections, "the instructors' page left the index: its syllabus downloads must stay findable"
    assert all(doc.get("boost", 1) < 1 for doc in sections)


BLOCK = re.compile(r'<div class="(?:no-copy )?highlight"[^>]*>.*?<code[^>]*>(.*?)</code>', re.S)
TAG = re.compile(r"<[^>]+>")


def test_code_and_outputs_stay_out_of_result_text(built_site, index):
    site, _ = built_site
    lines = set()
    for page in (site / "cs-fundamentals").glob("*/index.html"):
        for block in BLOCK.findall(page.read_text(encoding="utf-8")):
            lines.update(
                line.strip() for line in html.unescape(TAG.sub("", block)).splitlines() if len(line.strip()) >= 30
            )  # long enough not to be quoted in prose
    assert len(lines) > 100, "few code lines found: has the code blocks' markup changed?"
    text = "\n".join(html.unescape(TAG.sub("", doc["text"])) for doc in index)
    leaked = sorted(line for line in lines if line in text)
    assert not leaked, f"{len(leaked)} lines of code or output in the search text, e.g. {leaked[:3]}"


def test_the_builds_box_stays_out_of_result_text(index):
    """Every lesson repeats it; indexed, its words would rank each lesson above
    the glossary entries that define them (course/markdown.py)."""
    about = {html.unescape(TAG.sub("", build.about)).replace("`", "")[:60] for build in builds.BUILDS.values()}
    text = "\n".join(html.unescape(TAG.sub("", doc["text"])) for doc in index)
    leaked = sorted(line for line in about if line in text)
    assert not leaked, f"the builds box is in the search text: {leaked}"


def test_no_control_or_quiz_text_reaches_result_text(index):
    """Words for the buttons and the checkpoints' prompts are not what a
    search result should quote; the quiz's questions and answers are not either."""
    controls = (markdown.PREDICT_SUMMARY, "Predict, then run.", "Read it again")
    texts = [doc["text"] for doc in index]
    for words in controls:
        assert not [text for text in texts if words in text], words
    assert not [doc["location"] for doc in index if 'class="quiz' in doc["text"]]


def test_instructors_only_pages_are_not_searched(index):
    locations = {doc["location"].split("#")[0] for doc in index}
    assert not {"answer-key/", "changelog/"} & locations


def test_search_runs_the_sites_worker_around_materials(built_site):
    """main.html points Material at assets/search-query.js, which loads
    Material's worker by name: if Material renames it, this fails first."""
    site, _ = built_site
    page = (site / "cs-fundamentals/names-and-objects/index.html").read_text(encoding="utf-8")
    assert '"search": "../../assets/search-query.js"' in page, "the page's config does not name assets/search-query.js"
    script = (site / "assets/search-query.js").read_text(encoding="utf-8")
    material = re.search(r'MATERIAL_WORKER = "(javascripts/workers/search\.\w+\.min\.js)"', script)
    assert material and (site / "assets" / material.group(1)).is_file()
