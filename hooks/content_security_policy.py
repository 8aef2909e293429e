"""A content security policy on every built page (course/csp.py).

Last of the build, once every page and its inline scripts are final. Not under
`properdocs serve`: its live reload adds an inline script to each page as it
serves it, which the policy would block."""

from pathlib import Path

from mkdocs.plugins import event_priority

from course import csp

serving = False


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


@event_priority(-100)
def on_post_build(config):
    if not serving:
        csp.apply(Path(config.site_dir))
