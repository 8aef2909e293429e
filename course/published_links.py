"""`python -m course links`: add every page and section anchor the built site
publishes to tests/published-links/, one file per page.

It only adds: a link that is published stays published. To retire one on
purpose, delete its line by hand and say why in the commit.
"""

import sys
import tempfile
from pathlib import Path

from course import links, site
from course.interpreters import ROOT


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        build = site.build(ROOT, Path(folder))
        if build.returncode != 0:
            print(build.stderr[-3000:], file=sys.stderr)
            return 1
        current = links.published(Path(folder))
    added = links.record(current)
    print(f"added {len(added)} links" + "".join(f"\n  {link}" for link in added))
    return 0
