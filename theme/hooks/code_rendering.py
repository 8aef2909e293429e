"""Make code blocks cheap for the browser to render.

A lesson page shows about 80 code blocks, and their Pygments spans are most of
the page's elements: on a phone, styling and laying them out was most of the
main-thread time Lighthouse counts as blocking. So:

- Names and whitespace lose their <span class="n"> / <span class="w">. Material
  colours a name exactly like plain code, so those spans style nothing; they
  were over a quarter of the elements on the page.
- Each block's <code> carries its line count (--lines). site.css renders code
  only near the viewport (content-visibility: auto) and uses the count to give
  an off-screen block its real height, so the page and its scrollbar never jump.
- Material sets a block up only when it scrolls into view (content.lazy),
  including the tabindex that lets a keyboard scroll a block wider than the
  screen. Until then, a block with a line too long for a 320 px screen gets
  that tabindex here; Material corrects it once it knows the real width.
"""

import html as entities
import re

from mkdocs.plugins import event_priority

PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
CODE_BLOCK = re.compile(r"(<pre>(?:<span></span>)?<code)>(.*?)(</code></pre>)", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
# Characters of code that fit across a 320 px screen (the WCAG reflow width)
# where a block is narrowest, inside a tab or an admonition: 31, measured in
# Chromium (tests/browser/test_code_blocks.py checks the result).
NARROWEST_LINE = 30


def _lighter(block: re.Match) -> str:
    start, body, end = block.groups()
    lines = entities.unescape(TAG.sub("", body)).rstrip("\n").split("\n")
    focusable = ' tabindex="0"' if max(map(len, lines)) > NARROWEST_LINE else ""
    lighter = PLAIN_TOKEN.sub(r"\1", body)
    return f'{start} style="--lines: {len(lines)}"{focusable}>{lighter}{end}'


# Before the print-site plugin keeps a copy of each page for the all-in-one page.
@event_priority(50)
def on_page_content(html, page, config, files):
    return CODE_BLOCK.sub(_lighter, html)
