"""Citable editions: every page and the printout name the edition and how to
credit it; CITATION.cff, the repository's and the built site's, is valid CFF
and names the address, version and date; the changelog names the release."""

import json
import re

import jsonschema
import pytest
import yaml

from course import edition
from course.errors import CourseError
from course.interpreters import ROOT

# CFF 1.2.0's schema, from citation-file-format/citation-file-format (tests/schemas/SOURCES.md).
SCHEMA = json.loads((ROOT / "tests/schemas/cff-1.2.0.json").read_text(encoding="utf-8"))


def valid_cff(text):
    data = yaml.safe_load(text)
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    problems = [f"{'/'.join(map(str, error.path))}: {error.message}" for error in validator.iter_errors(data)]
    assert not problems, problems
    return data


def test_the_repositorys_citation_is_valid_and_names_the_latest_release():
    data = valid_cff((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert (data["version"], data["date-released"]) == edition.changelog_entries()[0]


def test_the_sites_citation_names_its_address_version_and_date(built_site):
    site, _ = built_site
    data = valid_cff((site / "CITATION.cff").read_text(encoding="utf-8"))
    now = edition.current()
    assert (data["version"], data["date-released"], data["url"]) == (now.version, now.date, "http://127.0.0.1:8000/")


def test_every_page_names_its_edition_and_the_credit_to_give(built_site):
    site, _ = built_site
    now = edition.current()
    pages = [page for page in site.rglob("*.html") if "<footer" in page.read_text(encoding="utf-8")]
    assert len(pages) > 20
    credit = "“" + yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["title"] + "”"
    for page in pages:
        footer = page.read_text(encoding="utf-8").split("<footer", 1)[1]
        assert f"Edition {now.version}</a> of {now.date}" in footer, page
        assert "CC BY 4.0" in footer and credit in footer, page


def test_the_printout_opens_with_a_cover_naming_the_edition_address_and_licence(built_site):
    site, _ = built_site
    cover = re.search(
        r'<section id="print-site-cover-page">(.*?)</section>',
        (site / "print_page/index.html").read_text(encoding="utf-8"),
        re.DOTALL,
    )
    assert cover, "the print page has no cover"
    now = edition.current()
    for wanted in (f"{now.version} of {now.date}", "http://127.0.0.1:8000/", "CC BY 4.0"):
        assert wanted in cover.group(1)


def test_the_changelog_page_lists_the_release(built_site):
    site, _ = built_site
    version, date = edition.release()
    page = (site / "changelog/index.html").read_text(encoding="utf-8")
    assert f"{version} ({date})" in page


def test_a_commit_after_the_release_is_the_release_plus_its_commit(monkeypatch):
    answers = {"tag": "", "rev-parse": "abc1234", "log": "1796601600"}
    monkeypatch.setattr(edition, "_git", lambda root, command, *args: answers[command])
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    version, _ = edition.release()
    assert edition.current() == edition.Edition(f"{version}+abc1234", "2026-12-07", False)


def test_a_tag_that_citation_does_not_name_fails_with_what_to_do(monkeypatch):
    monkeypatch.setattr(edition, "_git", lambda root, command, *args: "v99.0" if command == "tag" else "abc1234")
    with pytest.raises(CourseError, match=r"tagged v99\.0, but .*CITATION\.cff names release .*before tagging"):
        edition.current()


def test_the_release_itself_is_its_plain_version(monkeypatch):
    version, date = edition.release()
    monkeypatch.setattr(edition, "_git", lambda root, command, *args: f"v{version}" if command == "tag" else "abc1234")
    assert edition.current() == edition.Edition(version, date, True)
