"""Screenshots to look at, as a learner would see the site: every page, and a
lesson with a run panel and an exercise open, at phone and desktop width, in
light and dark, written to screenshots/ (whole pages as JPEG, the practice
views, one screen each, as PNG).

    .venv/bin/python -m tests.screenshots            # every page, and the practice views
    .venv/bin/python -m tests.screenshots --practice # only the practice views

Kept out of the test suite: a picture is for a person to look at, and taking
every page at four sizes was a sixth of the suite's time on a 20-lesson course
(tests/benchmark_scale.py). What the pictures show is asserted by the browser
tests.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from course.interpreters import ROOT
from tests.support import browser as chromium
from tests.support.page_runner import exercise, near, run_snippet
from tests.support.server import serving

SCHEMES = ("light", "dark")


def file_name(path: str, width: str, scheme: str, view: str = "") -> Path:
    name = path.strip("/").replace("/", "_").replace(".html", "") or "home"
    suffix = f"-{view}-{width}-{scheme}.png" if view else f"-{width}-{scheme}.jpeg"
    return chromium.SCREENSHOTS / (name + suffix)


def every_page(browser, base: str, paths: list[str]) -> int:
    taken = 0
    for scheme in SCHEMES:
        for width, viewport in chromium.VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            for path in paths:
                chromium.open_settled(page, base + path)
                full = path != "print_page/"  # the print page is the whole course: its top will do
                page.screenshot(path=file_name(path, width, scheme), full_page=full, type="jpeg", quality=60)
                taken += 1
            context.close()
    return taken


def practice_views(browser, base: str, lesson: str) -> int:
    """What the screen shows after Run on the lesson's first runnable snippet, and
    with its first exercise's solution open."""
    taken = 0
    for scheme in SCHEMES:
        for width, viewport in chromium.VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            chromium.open_settled(page, base + lesson)
            box = near(page.locator(".runnable:not([data-native-only])").first)
            run_snippet(page, box)
            page.screenshot(path=file_name(lesson, width, scheme, "run"))
            box = exercise(page, 1)
            box.locator("details summary").first.click()
            box.scroll_into_view_if_needed()
            page.screenshot(path=file_name(lesson, width, scheme, "exercise"))
            taken += 2
            context.close()
    return taken


def main(arguments: list[str]) -> int:
    reason = chromium.missing_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    site = Path(tempfile.mkdtemp(prefix="screenshots-site-"))
    build = [sys.executable, "-m", "properdocs", "build", "-q", "-f", "mkdocs.yml", "--site-dir", str(site)]
    subprocess.run(build, cwd=ROOT, check=True)
    chromium.SCREENSHOTS.mkdir(exist_ok=True)
    try:
        with serving(site) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            taken = practice_views(browser, base, chromium.longest_lesson())
            if "--practice" not in arguments:
                taken += every_page(browser, base, chromium.pages(site))
            browser.close()
    finally:
        shutil.rmtree(site)
    print(f"wrote {taken} screenshots to {chromium.SCREENSHOTS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
