"""Keep Material's tab component away from the lessons' tab sets.

Material sets up each tab set (pymdownx.tabbed marks them `data-tabs`) as the
page loads: it adds buttons, wraps labels in links and measures positions,
set after set, so the browser lays the page out again between them. On
"How Python Works" (20 sets) that was about 900 ms of a phone's main thread
(4x CPU throttling), most of its Lighthouse blocking time. Without the mark
Material leaves the sets alone; the browser switches tabs by itself (they are
radio buttons and labels) and docs/assets/tabs.js does the rest with one
layout: linking, remembering the pick, showing the chosen label.

Each label's text is a link to its tab (#__tabbed_2_3), as Material makes it:
a link a reader can copy. Keyboards switch tabs with the arrow keys on the
radio buttons, and tabs.js scrolls the chosen label into view; the links, not
in the Tab order, are what axe looks for in a row of labels that scrolls
sideways (scrollable-region-focusable), as with Material's markup.
"""

import re

from mkdocs.plugins import event_priority

TAB_SET = re.compile(r'(<div class="tabbed-set tabbed-alternate") data-tabs="\d+:\d+"')
LABEL = re.compile(r'<label for="(__tabbed_[\d_]+)">(.*?)</label>')


# Before the print-site plugin keeps a copy of each page for the all-in-one page.
@event_priority(50)
def on_page_content(html, page, config, files):
    html = TAB_SET.sub(r"\1", html)
    return LABEL.sub(r'<label for="\1"><a href="#\1" tabindex="-1">\2</a></label>', html)
