"""Glossary tooltips: each term explained once per page, for keyboards too.

Python-Markdown's abbr extension turns every use of a glossary term into
<abbr title="...">, which Material shows as a tooltip. This keeps the tooltip on
the first use of each term on a page only, and makes that one focusable
(tabindex="0"), since an <abbr> cannot take keyboard focus. Later uses are plain
text: a definition repeated forty times reads as noise, buries the page's links
in tab stops, and costs about 300 ms of main-thread work on a phone.
"""

import re

ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)


def on_page_content(html, page, config, files):
    seen = set()

    def first_use_only(match):
        title, term = match.groups()
        if title in seen:
            return term
        seen.add(title)
        return f'<abbr tabindex="0" title="{title}">{term}</abbr>'

    return ABBR.sub(first_use_only, html)
