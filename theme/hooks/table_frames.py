"""Give every Markdown table a plain <div> of its own.

When a page loads, Material moves each table into a scroll container: it
takes the table out of the page and puts it back wrapped. A table that is a
direct child of the lesson's <article> takes the whole lesson with it:
Chromium then restyles every element of the article while the page is still
starting up on a phone. In a <div> of its own, only that <div> is restyled.
The <div> has no style, so the page looks the same; off screen it skips
rendering like a code block (offscreen.css). tests/browser/test_restyles.py
checks both.
"""

import re

from mkdocs.plugins import event_priority

# Material wraps only tables without a class (Markdown's own tables).
MARKDOWN_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


# Before the print-site plugin keeps a copy of each page for the all-in-one page.
@event_priority(50)
def on_page_content(html, page, config, files):
    return MARKDOWN_TABLE.sub(lambda table: f'<div class="table-frame">{table[0]}</div>', html)
