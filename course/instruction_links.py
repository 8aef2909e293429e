"""Where the course explains each bytecode instruction: for the explorer,
which links an instruction's name in its listings to that place.

Read from the built lessons: the section whose text names the instruction in
code (`LOAD_FAST`) most often, the first in the course's order on a tie (a
passing mention in an early lesson should not win over the explanation). Names that are not
instructions (`NULL`, `GIL`) are harmless here: the explorer looks up only
the names its listings show.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from course import lessons

HEADING = re.compile(r'<h[23] id="([^"]+)"')
NAMED = re.compile(r"<code>([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})</code>")


def explained_at(site: Path) -> dict[str, str]:
    """Each instruction name the lessons mention, and the address (relative to
    the site) of the section that mentions it most."""
    mentions: dict[str, Counter[str]] = {}
    for lesson in lessons.discover():
        page = (site / lesson.url / "index.html").read_text(encoding="utf-8")
        headings = [(match.start(), match[1]) for match in HEADING.finditer(page)]
        for name in NAMED.finditer(page):
            above = [anchor for at, anchor in headings if at < name.start()]
            section = lesson.url + (f"#{above[-1]}" if above else "")
            mentions.setdefault(name[1], Counter())[section] += 1
    # most_common keeps first-seen order among equal counts: the course's order.
    return {name: sections.most_common(1)[0][0] for name, sections in mentions.items()}
