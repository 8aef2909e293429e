"""The content security policy (course/csp.py): every page has it, and the
reader's code, running in the page's worker, reaches no other origin. (Every
browser test fails on a violation: tests/browser/conftest.py.)"""

import http.server
import threading

from course import lessons
from tests.support.page_runner import edit_snippet, near, open_lesson, run_snippet, set_editor_text

LESSON = lessons.discover()[0]
POLICY = "() => document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? ''"


def test_every_page_carries_the_policy_before_any_script(built_site):
    site, _ = built_site
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        policy = html.find('http-equiv="Content-Security-Policy"')
        first_script = html.find("<script")
        assert policy != -1, f"{page}: no content security policy"
        assert first_script == -1 or policy < first_script, f"{page}: a script comes before the policy"


class Counting(http.server.BaseHTTPRequestHandler):
    """Another origin: a server on a second loopback port that counts what reaches it."""

    asked: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        Counting.asked.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")  # were it reached, it would answer
        self.end_headers()
        self.wfile.write(b"reached")

    def log_message(self, *args):
        pass


def test_the_readers_code_reaches_no_other_origin(browser, site_url):
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    elsewhere = f"http://127.0.0.1:{other.server_address[1]}/"
    context, page = open_lesson(browser, site_url, LESSON)
    policy = page.evaluate(POLICY)
    box = near(page.locator(".runnable:not([data-native-only])").first)
    code = (
        "import js\nrequest = js.XMLHttpRequest.new()\n"
        f"request.open('GET', '{elsewhere}xhr', False)\nrequest.send()\nprint(request.responseText)\n"
    )
    edit_snippet(page, box, code)
    printed, status = run_snippet(page, box)
    same_site = f"import js\nrequest = js.XMLHttpRequest.new()\nrequest.open('GET', '{site_url}', False)\n"
    set_editor_text(page, box.locator(".runner-editor"), same_site + "request.send()\nprint(request.status)\n")
    own, _ = run_snippet(page, box)
    context.close()
    other.shutdown()
    assert "connect-src 'self'" in policy
    assert Counting.asked == [], f"the reader's code reached another origin: {Counting.asked}"
    assert "NetworkError" in printed and status.startswith("It raised"), printed
    assert own == "200\n", "the site itself stays reachable"
