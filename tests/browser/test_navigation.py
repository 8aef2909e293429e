"""Navigation says where it goes, as a reader sees it on a phone and a desktop,
light and dark: each footer link shows the title of the page it leads to
(site.css) and skips the notebooks, and a lesson ends with one visible "Next
lesson" that the footer agrees with (tests/test_lessons.py checks the same in
the built HTML)."""

from urllib.parse import urljoin

import pytest

from course import lessons
from tests.support import browser as chromium

# The footer's links: where each goes, what it is named, and what of it shows.
FOOTER = """() => [...document.querySelectorAll('.md-footer__link')].map(link => ({
  href: new URL(link.href).pathname,
  name: link.getAttribute('aria-label'),
  shown: link.querySelector('.md-ellipsis').getBoundingClientRect().width > 0
    ? link.querySelector('.md-ellipsis').innerText.trim() : '',
  arrow: link.querySelector('.md-footer__button').getBoundingClientRect().width > 0,
}))"""


def footer_problems(links: list[dict], path: str) -> list[str]:
    problems = []
    for link in links:
        title = link["name"].split(": ", 1)[-1]
        if "/notebook/" in link["href"]:
            problems.append(f"leads to a notebook: {link['href']}")
        if not link["name"].startswith(("Previous: ", "Next: ")):
            problems.append(f"named {link['name']!r}, not where it goes")
        if not link["arrow"]:
            problems.append(f"{link['name']!r}: nothing of it drawn")
        if link["shown"] != title:  # Material's phone layout showed "Previous" as a bare arrow
            problems.append(f"{link['name']!r} shows {link['shown']!r}")
    if path and not any(link["name"].startswith("Previous: ") for link in links):
        problems.append("no way back")
    return problems


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_footer_names_where_it_leads_and_skips_notebooks(browser, site_url, site_pages, scheme, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport], color_scheme=scheme)
    found = {}
    for path in site_pages:
        if path.endswith(".html") or path in ("print_page/", "offline/", "changelog/", "answer-key/"):
            continue  # the 404, print page and the pages outside the nav have no place in the sequence
        chromium.open_settled(page, site_url + path)
        problems = footer_problems(page.evaluate(FOOTER), path)
        if problems:
            found[path or "/"] = problems
    page.close()
    assert not found, f"footer ({scheme}, {viewport}): {found}"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_lesson_ends_with_one_visible_next_lesson_that_the_footer_agrees_with(
    browser, site_url, built_site, viewport
):
    site, _ = built_site
    in_order = [item["url"] for item in lessons.syllabus(site)["lessons"]]
    assert len(in_order) >= 2
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport])
    for lesson, after in zip(in_order, in_order[1:]):
        chromium.open_settled(page, site_url + lesson)
        # A lesson before a chapter links the chapter's page, as the footer does.
        next_lesson = page.locator("p:has(> strong:text-matches('^Next (lesson|chapter):$')) > a")
        assert next_lesson.count() == 1, f"{lesson}: {next_lesson.count()} 'Next lesson' links"
        next_lesson.scroll_into_view_if_needed()
        box = next_lesson.bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= chromium.VIEWPORTS[viewport]["width"], (
            f"{lesson}: 'Next lesson' is out of view at {viewport} width: {box}"
        )
        footer_next = page.locator(".md-footer__link--next")
        assert footer_next.get_attribute("href") == next_lesson.get_attribute("href")
        to_chapter = next_lesson.locator("xpath=../strong").text_content() == "Next chapter:"
        chapter = urljoin(page.url, next_lesson.get_attribute("href"))
        next_lesson.click()
        if to_chapter:  # the chapter's page, whose footer leads on to its first lesson
            page.wait_for_url(chapter)
            page.locator(".md-footer__link--next").click()
        page.wait_for_url(site_url + after)
        page.wait_for_function(
            "() => document.querySelector('h1') && document.querySelector('h1').getBoundingClientRect().top > 0"
        )
    page.close()
