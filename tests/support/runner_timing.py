"""What the in-page Python costs a reader, measured in Chromium for the benchmark:
the first Run on a cold cache, a second Run, Stop until Python runs again,
and the bytes the runtime fetches (gzip where the server compresses)."""

import gzip
import mimetypes
import time
from pathlib import Path

from tests.support import browser as chromium
from tests.support.server import COMPRESSIBLE

FIRST_OUTPUT = "b => b.querySelector('.run-panel__output').textContent.length > 0"
FINISHED = "b => /^(Done|Stopped)/.test(b.querySelector('.run-panel__status').textContent)"


def measure(browser, lesson_url: str) -> dict:
    context = browser.new_context(viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(lesson_url, wait_until="networkidle")
    box = page.locator(".runnable:not([data-native-only])").first
    box.scroll_into_view_if_needed()  # its controls are added as it comes near the screen
    run = box.get_by_role("button", name="Run", exact=True)
    run.wait_for()
    handle = box.element_handle()

    def timed_run(done_when):
        page.evaluate(CLEAR, handle)
        started = time.perf_counter()
        run.click()
        page.wait_for_function(done_when, arg=handle, timeout=120_000)
        return time.perf_counter() - started

    first = timed_run(FIRST_OUTPUT)
    page.wait_for_function(FINISHED, arg=handle)
    second = timed_run(FINISHED)

    box.get_by_role("button", name="Edit").click()
    type_code(page, box, "while True:\n    pass\n")
    run.click()
    # Kept as a time: it is what is measured, a reader who waits 3 s, sees the
    # run will not finish, and presses Stop.
    page.wait_for_timeout(3_000)
    started = time.perf_counter()
    box.get_by_role("button", name="Stop").click()
    type_code(page, box, "print('ready')\n")
    page.evaluate(CLEAR, handle)
    run.click()
    page.wait_for_function(FIRST_OUTPUT, arg=handle, timeout=60_000)
    stop_to_ready = time.perf_counter() - started
    context.close()
    return {"first_run_s": first, "second_run_s": second, "stop_to_ready_s": stop_to_ready}


def runtime_bytes(site: Path, gzip_everything=False) -> int:
    """What the first Run fetches, as tests/support/server.py (and GitHub Pages)
    sends it: text compressed with gzip, the wasm and the zip as they are.
    (Playwright does not report a worker's requests to the page, so this is
    counted from the files rather than from the wire.)"""
    files = [
        *site.glob("assets/runtime/pyodide-*/*"),
        site / "assets/runtime/runtime.json",
        site / "assets/runner/worker.js",
        site / "assets/runner/driver.py",
    ]
    return sum(
        len(gzip.compress(path.read_bytes(), compresslevel=6))
        if gzip_everything or (mimetypes.guess_type(path.name)[0] or "").startswith(COMPRESSIBLE)
        else path.stat().st_size
        for path in files
    )


CLEAR = "b => { b.querySelector('.run-panel__output').textContent = ''; b.querySelector('.run-panel__status').textContent = ''; }"


def type_code(page, box, code):
    box.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
