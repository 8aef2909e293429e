"""Glossary tooltips for keyboard users too.

Python-Markdown's abbr extension turns each glossary term into <abbr title="...">,
which Material shows as a tooltip on hover, but an <abbr> cannot take keyboard
focus. The first occurrence of each term on a page gets tabindex="0"; making every
occurrence focusable would bury the page's links in tab stops.
"""

import re

ABBR = re.compile(r'<abbr title="([^"]*)">')


def on_page_content(html, page, config, files):
    seen = set()

    def focusable_once(match):
        if match.group(1) in seen:
            return match.group(0)
        seen.add(match.group(1))
        return f'<abbr tabindex="0" title="{match.group(1)}">'

    return ABBR.sub(focusable_once, html)
