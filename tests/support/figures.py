"""Figures drawn from stored snippet outputs, so a chart always shows the
measurement printed next to it. `python -m tests.refresh_outputs` redraws them;
a test fails when a committed figure no longer matches its output."""

from __future__ import annotations

import re
from html import escape

from tests.support.interpreters import ROOT

TIMING_LINE = re.compile(r"^(?P<label>.+?)\s+(?P<seconds>\d+\.\d+) s$")
PALETTE = ("#303f9f", "#00695c", "#ad1457")  # 7:1 or more against white


def bar_chart(output: str, title: str) -> str:
    """A horizontal bar chart, as self-contained SVG, of lines like 'label   1.23 s'."""
    rows = [(m["label"], float(m["seconds"])) for m in map(TIMING_LINE.match, output.splitlines()) if m]
    longest = max(seconds for _, seconds in rows)
    groups = list(dict.fromkeys(label.split(",")[0] for label, _ in rows))  # bars before a comma share a colour
    width, label_w, bar_w, row_h, top = 640, 230, 330, 34, 48
    height = top + len(rows) * row_h + 16
    summary = "; ".join(f"{label}: {seconds:.2f} s" for label, seconds in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="t d" font-family="system-ui, sans-serif">',
        f'<title id="t">{escape(title)}</title>',
        f'<desc id="d">{escape(summary)}</desc>',
        f'<rect width="{width}" height="{height}" rx="12" fill="#ffffff"/>',
        f'<text x="20" y="30" font-size="16" font-weight="700" fill="#1a1a1a">{escape(title)}</text>',
    ]
    for i, (label, seconds) in enumerate(rows):
        y = top + i * row_h
        length = max(2, round(bar_w * seconds / longest))
        colour = PALETTE[groups.index(label.split(",")[0]) % len(PALETTE)]
        parts += [
            f'<text x="20" y="{y + 19}" font-size="14" fill="#1a1a1a">{escape(label)}</text>',
            f'<rect x="{label_w}" y="{y + 4}" width="{length}" height="22" rx="3" fill="{colour}"/>',
            f'<text x="{label_w + length + 8}" y="{y + 20}" font-size="14" fill="#1a1a1a">{seconds:.2f} s</text>',
        ]
    return "\n".join(parts + ["</svg>"]) + "\n"


# (stored output it is drawn from, figure file, title)
FIGURES = [
    (
        "snippets/cs-fundamentals/how-python-works/output/gil_timings/3.13.txt",
        "docs/cs-fundamentals/how-python-works/gil-timings.svg",
        "Four tasks on CPython 3.13, 2 cores (seconds, shorter is faster)",
    ),
    (
        "snippets/cs-fundamentals/memory-architecture/output/locality/3.13.txt",
        "docs/cs-fundamentals/memory-architecture/locality.svg",
        "Reading 3 million list items on CPython 3.13 (seconds, shorter is faster)",
    ),
]


def drawn(source: str, title: str) -> str:
    return bar_chart((ROOT / source).read_text(encoding="utf-8"), title)


def redraw() -> None:
    for source, figure, title in FIGURES:
        (ROOT / figure).write_text(drawn(source, title), encoding="utf-8")
        print(f"redrew {figure}")
