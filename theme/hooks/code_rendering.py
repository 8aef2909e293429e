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

Code wraps instead of hiding the end of a line on a phone: each code line that
may be too long for a small screen is a <span class="wrap"> holding its
indentation (--indent), which site.css continues under that indentation plus
four columns, each continuation marked. Outputs are left as they are: their
columns (dis, tables) must line up, so they scroll sideways. page-fixes.js
counts the lines a block takes at the screen's width, for its reserved height.
"""

import html as entities
import re

from mkdocs.plugins import event_priority

PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
# A code block, with the classes of the <div> around it: an output's include no-copy.
CODE_BLOCK = re.compile(
    r'(<div class="([^"]*)"[^>]*>(?:<span class="filename">[^<]*</span>)?<pre>(?:<span></span>)?<code)>(.*?)(</code></pre>)',
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")
SPAN_TAG = re.compile(r"<span[^>]*>|</span>")
# Characters of code that fit across a 320 px screen (the WCAG reflow width)
# where a block is narrowest, inside a tab or an admonition: 31, measured in
# Chromium (tests/browser/test_code_blocks.py checks the result).
NARROWEST_LINE = 30
# A wrapped line continues four columns in from its own indentation, but no
# further than this: deeper code (an argument list aligned under its bracket)
# would leave too little room on a 320 px screen.
MOST_INDENT = 16


def _lighter(block: re.Match) -> str:
    start, classes, body, end = block.groups()
    lines = entities.unescape(TAG.sub("", body)).rstrip("\n").split("\n")
    lighter = PLAIN_TOKEN.sub(r"\1", body)
    long_lines = max(map(len, lines)) > NARROWEST_LINE
    if "no-copy" in classes.split() or not long_lines:  # an output, or nothing to wrap
        focusable = ' tabindex="0"' if long_lines else ""
        return f'{start} style="--lines: {len(lines)}"{focusable}>{lighter}{end}'
    return f'{start} style="--lines: {len(lines)}" data-wraps>{_wrapped(lighter)}{end}'


def _wrapped(body: str) -> str:
    """Each line longer than NARROWEST_LINE inside a wrap span. A Pygments span
    may run across lines (a docstring): it is closed before the wrap span and
    opened again inside it, so the tags stay nested."""
    open_spans: list[str] = []
    out = []
    for line in body.split("\n"):
        text = entities.unescape(TAG.sub("", line))
        before = "".join(open_spans)
        for tag in SPAN_TAG.findall(line):
            if tag == "</span>":
                open_spans.pop()
            else:
                open_spans.append(tag)
        if len(text) <= NARROWEST_LINE:
            out.append(line)
            continue
        indent = min(len(text) - len(text.lstrip(" ")), MOST_INDENT)
        close_before = "</span>" * before.count("<span")
        close_after = "</span>" * len(open_spans)
        out.append(
            f'{close_before}<span class="wrap" style="--indent: {indent}">{before}{line}{close_after}</span>'
            + "".join(open_spans)
        )
    return "\n".join(out)


# Before the print-site plugin keeps a copy of each page for the all-in-one page.
@event_priority(50)
def on_page_content(html, page, config, files):
    return CODE_BLOCK.sub(_lighter, html)
