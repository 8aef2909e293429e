"""Links that last a term: nothing the site has published stops resolving."""

import re

from course import links
from tests.conftest import mkdocs_build

UPDATE = "python -m course links"


def test_every_published_link_still_resolves(built_site):
    site, _ = built_site
    problems = links.broken(site, links.recorded())
    assert not problems, "\n".join(problems)


def test_manifest_lists_everything_the_site_publishes(built_site):
    site, _ = built_site
    missing = sorted(links.published(site) - set(links.recorded()))
    assert not missing, f"new pages or anchors not yet in tests/published-links/: run `{UPDATE}`\n" + "\n".join(missing)


GLOSSARY_LINKS = [link for link in links.recorded() if link.startswith("/cs-fundamentals/glossary/")]
LESSON = "docs/cs-fundamentals/memory-in-practice/index.md"


def build_changed(project, tmp_path, change):
    change(project)
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr[-2000:]
    return links.broken(tmp_path / "site", links.recorded())


def rename_heading(project, keep_old_anchor):
    page = project / LESSON
    old = "### Locality, measured { #locality }"
    new = "### Measuring locality { #measuring-locality }"
    if keep_old_anchor:
        new = '<a id="locality"></a>\n' + new
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    glossary = project / "docs/cs-fundamentals/glossary.md"  # links to the old anchor follow it
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("index.md#locality)", "index.md#measuring-locality)")
    )
    bank = page.with_name("bank.yml")  # and so do the questions that name it
    bank.write_text(bank.read_text(encoding="utf-8").replace("section: locality\n", "section: measuring-locality\n"))


def move_glossary(project, with_redirect):
    (project / "docs/cs-fundamentals/glossary.md").rename(project / "docs/cs-fundamentals/terms.md")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("cs-fundamentals/glossary.md", "cs-fundamentals/terms.md")
    if with_redirect:
        assert "      redirect_maps:\n" in text
        text = text.replace(
            "      redirect_maps:\n",
            "      redirect_maps:\n        cs-fundamentals/glossary.md: cs-fundamentals/terms.md\n",
        )
    config.write_text(text, encoding="utf-8")


def test_renaming_a_heading_without_keeping_its_anchor_fails_naming_it_and_the_fix(project_copy, tmp_path):
    problems = build_changed(project_copy, tmp_path, lambda project: rename_heading(project, keep_old_anchor=False))
    # The lesson's own link, and the chapter's old one that its map sent there.
    assert len(problems) == 2
    assert "'/cs-fundamentals/memory-architecture/#locality' is gone" in problems[0]
    assert "'/cs-fundamentals/memory-in-practice/#locality' is gone" in problems[1]
    assert all('<a id="locality"></a>' in problem for problem in problems)


def test_renaming_a_heading_and_keeping_its_anchor_passes(project_copy, tmp_path):
    assert build_changed(project_copy, tmp_path, lambda project: rename_heading(project, keep_old_anchor=True)) == []


def test_moving_a_page_without_a_redirect_fails_naming_it_and_the_fix(project_copy, tmp_path):
    problems = build_changed(project_copy, tmp_path, lambda project: move_glossary(project, with_redirect=False))
    assert len(problems) == len(GLOSSARY_LINKS) > 10
    assert any(
        re.search(
            r"'/cs-fundamentals/glossary/' no longer exists.*redirect_maps, from its old file \('cs-fundamentals/glossary.md'",
            p,
        )
        for p in problems
    )


def test_moving_a_page_with_a_redirect_keeps_every_anchor(project_copy, tmp_path):
    assert build_changed(project_copy, tmp_path, lambda project: move_glossary(project, with_redirect=True)) == []
