"""The service worker's failure modes (docs/sw.js, issue 21): a runtime file
that arrives altered is never kept, and Run recovers once the real file is
served; a page script that answers 404 is served from the kept copy; two
copies of the site on one origin keep their caches apart."""

import json
import os
import shutil

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from course import interpreters, lessons, runtime
from tests.support import browser as chromium
from tests.support.page_runner import DONE, near, run_snippet
from tests.support.server import serving

LESSON = lessons.discover()[0]
# Each cache's name and the files it holds, by name.
CACHES = """async () => Object.fromEntries(await Promise.all((await caches.keys()).map(async name =>
  [name, (await (await caches.open(name)).keys()).map(request => request.url.split('/').pop())])))"""


def copy_of_site(built_site, folder):
    site, _ = built_site
    shutil.copytree(site, folder)
    return folder


def runtime_file(site, name):
    """A file of the runtime Run starts (the site serves one per series)."""
    return site / runtime.describe(interpreters.ROOT)["path"] / name


def test_a_runtime_file_that_arrives_altered_is_refused_and_run_recovers(browser, built_site, tmp_path):
    site = copy_of_site(built_site, tmp_path / "site")
    wasm = runtime_file(site, "pyodide.asm.wasm")
    real = wasm.read_bytes()
    wasm.write_text("<html><body>Sign in to the café's Wi-Fi</body></html>")  # a captive portal's answer
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    with serving(site) as url:
        chromium.open_settled(page, url + LESSON.url)
        page.wait_for_function(chromium.CONTROLLED, timeout=10_000)
        box = near(page.locator(".runnable:not([data-native-only])").first)
        printed, status = run_snippet(page, box)
        assert status.startswith("Python could not start here: pyodide.asm.wasm: it did not arrive intact"), status
        kept = page.evaluate(CACHES)
        wasm.write_bytes(real)  # the portal is gone
        # Dated clearly later: written within the same second, the server would
        # answer the browser's revalidation "not modified", and it would use its
        # cached copy of the portal's page (Last-Modified counts whole seconds).
        later = wasm.stat().st_mtime + 10
        os.utime(wasm, (later, later))
        printed, status = run_snippet(page, box)
        assert status.startswith(DONE), status
    context.close()
    assert not any("pyodide.asm.wasm" in files for files in kept.values()), f"the altered file was kept: {kept}"


def test_a_page_script_that_answers_404_is_served_from_the_kept_copy(browser, built_site, tmp_path):
    """A half-finished deploy: the page is there, its runner script not yet."""
    site = copy_of_site(built_site, tmp_path / "site")
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    with serving(site) as url:
        chromium.open_settled(page, url + LESSON.url)
        page.wait_for_function(chromium.CONTROLLED, timeout=10_000)
        # The worker keeps what the page loaded by fetching each file again:
        # a kept file is rewritten until those fetches end.
        page.wait_for_load_state("networkidle")
        chromium.wait_until_kept(page, ["assets/runner/runner.js"])
        (site / "assets/runner/runner.js").unlink()
        page.reload(wait_until="networkidle")
        run = near(page.locator(".runnable:not([data-native-only])").first).get_by_role(
            "button", name="Run", exact=True
        )
        run.wait_for(timeout=10_000)  # set up by runner.js: the kept copy
        assert run_snippet(page, run.locator("xpath=ancestor::div[contains(@class, 'runnable')]"))[1].startswith(DONE)
    context.close()


def test_two_copies_of_the_site_on_one_origin_keep_their_caches_apart(browser, built_site, tmp_path):
    """A course and its fork, each under its own path: running one must not
    delete, or replace, what the other keeps."""
    for copy in ("course", "fork"):
        copy_of_site(built_site, tmp_path / "origin" / copy)
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    with serving(tmp_path / "origin") as url:
        for copy in ("course", "fork"):
            chromium.open_settled(page, f"{url}{copy}/{LESSON.url}")
            page.wait_for_function(chromium.CONTROLLED, timeout=10_000)
            box = near(page.locator(".runnable:not([data-native-only])").first)
            assert run_snippet(page, box)[1].startswith(DONE)
        kept = page.evaluate(CACHES)
    context.close()
    runtimes = {name: files for name, files in kept.items() if name.startswith("python-runtime")}
    assert sorted(runtimes) == [f"python-runtime {url}course/", f"python-runtime {url}fork/"], kept
    assert all("pyodide.asm.wasm" in files for files in runtimes.values()), runtimes


def test_after_one_run_the_whole_course_reads_and_searches_offline(browser, built_site):
    site, _ = built_site
    listed = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    pages = [path for path in listed if path.endswith("/") or path == ""]
    context = browser.new_context(viewport=chromium.VIEWPORTS["phone"])
    page = context.new_page()
    # What broke, if search does not start offline.
    broke = []
    page.on("pageerror", lambda error: broke.append(f"{page.url}: {error}"))
    with serving(site) as url:
        chromium.open_settled(page, url + LESSON.url)
        page.wait_for_function(chromium.CONTROLLED, timeout=10_000)
        assert run_snippet(page, near(page.locator(".runnable:not([data-native-only])").first))[1].startswith(DONE)
        chromium.wait_until_kept(page, listed, "pages")  # every file offline.json lists
        context.set_offline(True)
        unread = []
        for path in pages:
            chromium.open_settled(page, url + path)
            headings = page.locator("article h1, .md-content h1").all_text_contents()
            # A page not kept shows the offline page instead, whose heading says so.
            opened = headings and (path == "offline/" or not headings[0].startswith("You are offline"))
            if not opened and "Redirecting" not in page.title():
                unread.append(path)
        chromium.open_settled(page, url + "cs-fundamentals/")
        page.locator("label.md-header__button[for='__search']").click()
        try:
            # Ready once the index has loaded (offline: from the kept copy) and been built.
            page.wait_for_function(chromium.SEARCH_READY, timeout=60_000)
        except PlaywrightTimeout as error:
            raise AssertionError(f"offline, search did not start; errors on the pages: {broke[-5:]}") from error
        page.locator("input.md-search__input").press_sequentially("GIL", delay=40)
        found = page.locator(".md-search-result__item").first
        found.wait_for(timeout=20_000)
        chromium.open_settled(page, url + "cs-fundamentals/no-such-page/")
        instead = page.locator("h1").text_content()
    context.close()
    assert len(pages) > 20 and not unread, f"offline, these did not open: {unread}"
    assert instead.startswith("You are offline"), instead
