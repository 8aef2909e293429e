"""`python -m course links`: add every page and section anchor the built site
publishes to tests/published-links.txt.

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
    known = set(links.recorded()) if links.MANIFEST.exists() else set()
    added = sorted(current - known)
    header = "# Every page and section anchor the site has published. Tests fail when one stops resolving.\n"
    links.MANIFEST.write_text(header + "\n".join(sorted(known | current)) + "\n", encoding="utf-8")
    print(f"added {len(added)} links" + "".join(f"\n  {link}" for link in added))
    return 0
