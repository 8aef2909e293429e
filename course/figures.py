"""Figures drawn from stored snippet outputs, so a chart always shows the
measurement printed next to it. `python -m course record` redraws them;
a test fails when a committed figure no longer matches its output."""

from __future__ import annotations

import re
import textwrap
from html import escape

from course.interpreters import ROOT

TIMING_LINE = re.compile(r"^(?P<label>.+?)\s+(?P<seconds>\d+\.\d+) s$")
PALETTE = ("#303f9f", "#00695c", "#ad1457")  # 7:1 or more against white
INK, NOTE = "#1a1a1a", "#4d4d4d"  # text: 17:1 and 8:1 against white

# Narrow, so text stays legible where a phone shrinks the figure to its
# ~360 px column: 14 px type in a 400-unit-wide drawing renders at 12.5 px or
# more. No background: in dark mode the page inverts the drawing (charts.css).
WIDTH, MARGIN, FONT, TITLE_FONT = 400, 16, 14, 16
TITLE_CHARACTERS = 38  # a line of 16 px bold text that fits in WIDTH


def _title_lines(title):
    """The title wrapped to the drawing's width, and its parenthesised note, if any."""
    heading, _, note = title.partition(" (")
    return textwrap.wrap(heading, TITLE_CHARACTERS), note


def _below_title(lines, note):
    """Where a drawing starts under its title lines and note (_titled_svg)."""
    return 12 + 22 * len(lines) + (20 if note else 0) + 10


def _titled_svg(title, summary, height, lines, note):
    """The opening of a chart: the SVG element, its accessible name and
    description, and the title drawn as text (the note in a lighter line)."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-labelledby="t d" font-family="system-ui, sans-serif">',
        f'<title id="t">{escape(title)}</title>',
        f'<desc id="d">{escape(summary)}</desc>',
    ]
    for i, line in enumerate(lines):
        parts.append(
            f'<text x="{MARGIN}" y="{28 + 22 * i}" font-size="{TITLE_FONT}" font-weight="700" '
            f'fill="{INK}">{escape(line)}</text>'
        )
    if note:
        parts.append(
            f'<text x="{MARGIN}" y="{28 + 22 * len(lines)}" font-size="{FONT}" fill="{NOTE}">'
            f"{escape(note.rstrip(')'))}</text>"
        )
    return parts


def bar_chart(output: str, title: str) -> str:
    """A horizontal bar chart, as self-contained SVG, of lines like 'label   1.23 s'.
    The title's closing parenthesis, if any, becomes a second, lighter line."""
    rows = [(m["label"], float(m["seconds"])) for m in map(TIMING_LINE.match, output.splitlines()) if m]
    longest = max(seconds for _, seconds in rows)
    groups = list(dict.fromkeys(label.split(",")[0] for label, _ in rows))  # bars before a comma share a colour
    lines, note = _title_lines(title)
    top = _below_title(lines, note)
    row_h, bar_h, bar_w = 50, 18, WIDTH - 2 * MARGIN - 56  # room for "1.23 s" after the longest bar
    height = top + len(rows) * row_h
    summary = "; ".join(f"{label}: {seconds:.2f} s" for label, seconds in rows)
    parts = _titled_svg(title, summary, height, lines, note)
    for i, (label, seconds) in enumerate(rows):
        y = top + i * row_h
        length = max(2, round(bar_w * seconds / longest))
        colour = PALETTE[groups.index(label.split(",")[0]) % len(PALETTE)]
        parts += [
            f'<text x="{MARGIN}" y="{y + 14}" font-size="{FONT}" fill="{INK}">{escape(label)}</text>',
            f'<rect x="{MARGIN}" y="{y + 20}" width="{length}" height="{bar_h}" rx="3" fill="{colour}"/>',
            f'<text x="{MARGIN + length + 6}" y="{y + 34}" font-size="{FONT}" fill="{INK}">{seconds:.2f} s</text>',
        ]
    return "\n".join(parts + ["</svg>"]) + "\n"


STACK_LINE = re.compile(r"^(?P<instruction>.+?)\s+(?:stack: \[(?P<stack>.*)\]|returns (?P<result>.+))$")


def value_stack(output: str, title: str) -> str:
    """The value stack after each instruction, from lines like
    'LOAD_FAST price    stack: [20]' and 'RETURN_VALUE    returns 65':
    one row per instruction, the stack as cells, its top on the right."""
    steps = [m for m in map(STACK_LINE.match, output.splitlines()) if m]
    lines, note = _title_lines(title)
    top = _below_title(lines, note)
    row_h, cell_w, cell_h = 58, 56, 24
    height = top + len(steps) * row_h
    summary = "; ".join(
        f"{m['instruction']}: returns {m['result']}" if m["result"] else f"{m['instruction']}: stack [{m['stack']}]"
        for m in steps
    )
    parts = _titled_svg(title, summary, height, lines, note)
    room = WIDTH - 2 * MARGIN
    for i, step in enumerate(steps):
        y = top + i * row_h
        # A long fused instruction (3.14's LOAD_FAST_BORROW_LOAD_FAST_BORROW
        # price, quantity) is drawn narrower to fit, not cut off at the edge.
        squeeze = (
            f' textLength="{room}" lengthAdjust="spacingAndGlyphs"' if _mono_width(step["instruction"]) > room else ""
        )
        parts.append(
            f'<text x="{MARGIN}" y="{y + 14}" font-size="{FONT}" font-family="ui-monospace, monospace"{squeeze} '
            f'fill="{INK}">{escape(step["instruction"])}</text>'
        )
        if step["result"]:
            parts.append(
                f'<text x="{MARGIN}" y="{y + 38}" font-size="{FONT}" fill="{NOTE}">'
                f"returns {escape(step['result'])}, and the frame is gone</text>"
            )
            continue
        values = [v.strip() for v in step["stack"].split(",") if v.strip()]
        if not values:
            parts.append(f'<text x="{MARGIN}" y="{y + 38}" font-size="{FONT}" fill="{NOTE}">stack empty</text>')
        for j, value in enumerate(values):
            x = MARGIN + j * cell_w
            parts += [
                f'<rect x="{x}" y="{y + 21}" width="{cell_w - 4}" height="{cell_h}" rx="3" '
                f'fill="#e8eaf6" stroke="{PALETTE[0]}" stroke-width="1.5"/>',
                f'<text x="{x + (cell_w - 4) / 2}" y="{y + 38}" font-size="{FONT}" text-anchor="middle" '
                f'font-family="ui-monospace, monospace" fill="{INK}">{escape(value)}</text>',
            ]
        if values:
            parts.append(
                f'<text x="{MARGIN + len(values) * cell_w + 4}" y="{y + 38}" font-size="{FONT}" '
                f'fill="{NOTE}">← top</text>'
            )
    return "\n".join(parts + ["</svg>"]) + "\n"


def _arrow_marker(colour):
    """An arrowhead for lines drawn with marker-end="url(#arrow)"."""
    return (
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker></defs>'
    )


def _mono_width(text):
    """Roughly how wide 14 px monospace text is: 0.6 em a character."""
    return len(text) * FONT * 0.6


CODE_BOX_H = 26


def _code_box(x, y, width, text, fill, stroke):
    """A box holding one line of code (a name, a value), which must fit it."""
    assert _mono_width(text) <= width - 12, text
    return [
        f'<rect x="{x}" y="{y}" width="{width}" height="{CODE_BOX_H}" rx="3" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>',
        f'<text x="{x + 8}" y="{y + 18}" font-size="{FONT}" font-family="ui-monospace, monospace" '
        f'fill="{INK}">{escape(text)}</text>',
    ]


BINDING_LINE = re.compile(r"^(?P<name>\w+)\s+-> (?P<value>.+)$")
SAME_LINE = re.compile(r"^same object\? (?P<same>True|False)$")


def names_to_objects(output: str, title: str) -> str:
    """Names and the objects they refer to, from lines like 'scores      -> [90, 85]'
    closed by 'same object? True': one panel per 'same object?' line, the names on
    the left, arrows to one shared object (True) or to one object each (False)."""
    panels, names = [], []
    for line in output.splitlines():
        if m := BINDING_LINE.match(line):
            names.append((m["name"], m["value"]))
        elif m := SAME_LINE.match(line):
            panels.append((line, names, m["same"] == "True"))
            names = []
    lines, note = _title_lines(title)
    top = _below_title(lines, note)
    row_h, name_w, object_x = 40, 110, 230
    object_w = WIDTH - MARGIN - object_x
    height = top + 24 + sum(30 + len(names) * row_h for _, names, _ in panels)
    summary = " Then: ".join(
        (
            f"{' and '.join(n for n, _ in names)} refer to one object, {names[0][1]}."
            if same
            else " ".join(f"{n} refers to {v}." for n, v in names)
        )
        for _, names, same in panels
    )
    parts = _titled_svg(title, summary, height, lines, note) + [_arrow_marker(PALETTE[0])]
    # Column headings: the snippet's names are module globals, its objects are on the heap.
    parts += [
        f'<text x="{MARGIN}" y="{top + 14}" font-size="{FONT}" fill="{NOTE}">names</text>',
        f'<text x="{object_x}" y="{top + 14}" font-size="{FONT}" fill="{NOTE}">objects on the heap</text>',
    ]
    y = top + 24
    for caption, names, same in panels:
        parts.append(
            f'<text x="{MARGIN}" y="{y + 18}" font-size="{FONT}" font-weight="700" '
            f'fill="{INK}">{escape(caption)}</text>'
        )
        y += 30
        if same:  # one object, level with the middle of its names
            assert len({v for _, v in names}) == 1, names
            mid = y + (len(names) - 1) * row_h // 2
            objects = [(names[0][1], mid)] * len(names)
            boxes = [objects[0]]
        else:
            objects = boxes = [(v, y + i * row_h) for i, (_, v) in enumerate(names)]
        for value, oy in boxes:
            parts += _code_box(object_x, oy, object_w, value, "#e0f2f1", PALETTE[1])
        for i, ((name, _), (_, oy)) in enumerate(zip(names, objects)):
            ny = y + i * row_h
            parts += _code_box(MARGIN, ny, name_w, name, "#e8eaf6", PALETTE[0]) + [
                f'<line x1="{MARGIN + name_w}" y1="{ny + CODE_BOX_H // 2}" x2="{object_x - 2}" y2="{oy + CODE_BOX_H // 2}" '
                f'stroke="{PALETTE[0]}" stroke-width="2" marker-end="url(#arrow)"/>',
            ]
        y += len(names) * row_h
    return "\n".join(parts + ["</svg>"]) + "\n"


FRAME_LINE = re.compile(r"^(?P<function>\S+) frame(?:, locals: \[(?P<locals>.*)\]|: (?P<note>.+))$")
LIMIT_LINE = re.compile(r"^recursion limit: (?P<limit>\d+)$")


def call_frames(output: str, title: str) -> str:
    """The call stack, from lines like "inner() frame, locals: ['frame', 'text']",
    newest call first: a box per frame with its local names, joined by the f_back
    link the snippet followed to the caller; the recursion limit under them."""
    frames = [m for m in map(FRAME_LINE.match, output.splitlines()) if m]
    limit = next((m["limit"] for m in map(LIMIT_LINE.match, output.splitlines()) if m), None)
    lines, note = _title_lines(title)
    top = _below_title(lines, note)
    box_h, gap, chip_h = 64, 30, 24
    height = top + len(frames) * (box_h + gap) - gap + (34 if limit else 10)
    summary = ", called by ".join(
        f"{m['function']} with locals {m['locals'].replace(chr(39), '')}"
        if m["locals"] is not None
        else f"{m['function']} ({m['note']})"
        for m in frames
    ) + (f". The recursion limit, {limit}, bounds how deep the stack grows." if limit else ".")
    parts = _titled_svg(title, summary, height, lines, note) + [_arrow_marker(PALETTE[0])]
    for i, frame in enumerate(frames):
        y = top + i * (box_h + gap)
        if i:  # f_back: from the callee's frame down to its caller's
            parts += [
                f'<line x1="{MARGIN + 40}" y1="{y - gap}" x2="{MARGIN + 40}" y2="{y - 1}" '
                f'stroke="{PALETTE[0]}" stroke-width="2" marker-end="url(#arrow)"/>',
                f'<text x="{MARGIN + 50}" y="{y - 10}" font-size="{FONT}" font-family="ui-monospace, monospace" '
                f'fill="{NOTE}">f_back</text>',
            ]
        parts += [
            f'<rect x="{MARGIN}" y="{y}" width="{WIDTH - 2 * MARGIN}" height="{box_h}" rx="6" '
            f'fill="#e8eaf6" stroke="{PALETTE[0]}" stroke-width="2"/>',
            f'<text x="{MARGIN + 12}" y="{y + 22}" font-size="{FONT}" font-weight="700" fill="{INK}">'
            f"{escape(frame['function'])} frame</text>",
        ]
        if frame["locals"] is None:
            parts.append(
                f'<text x="{MARGIN + 12}" y="{y + 48}" font-size="{FONT}" fill="{NOTE}">{escape(frame["note"])}</text>'
            )
            continue
        x = MARGIN + 12
        parts.append(f'<text x="{x}" y="{y + 48}" font-size="{FONT}" fill="{NOTE}">locals</text>')
        x += 50
        for name in (n.strip().strip("'") for n in frame["locals"].split(",") if n.strip()):
            w = _mono_width(name) + 16
            parts += [
                f'<rect x="{x:g}" y="{y + 31}" width="{w:g}" height="{chip_h}" rx="3" '
                f'fill="#ffffff" stroke="{PALETTE[0]}" stroke-width="1"/>',
                f'<text x="{x + 8:g}" y="{y + 48}" font-size="{FONT}" font-family="ui-monospace, monospace" '
                f'fill="{INK}">{escape(name)}</text>',
            ]
            x += w + 8
    if limit:
        parts.append(
            f'<text x="{MARGIN}" y="{height - 10}" font-size="{FONT}" fill="{NOTE}">'
            f"The recursion limit, {limit}, bounds how deep it grows</text>"
        )
    return "\n".join(parts + ["</svg>"]) + "\n"


# Which drawing a stored output gets, by snippet name (default: a bar chart).
DRAWINGS = {"stack_trace": value_stack, "names_are_references": names_to_objects, "frames": call_frames}


# The stages from source text to a running program, and the Python call that
# shows each one: (stage, what it does, call).
PIPELINE = [
    ("Source code", "text in a .py file", "open(path).read()"),
    ("Tokenizer", "text → tokens", "tokenize"),
    ("Parser (PEG)", "tokens → abstract syntax tree", "ast.parse()"),
    ("Symbol table", "which names are local, global, free", "symtable"),
    ("Compiler + optimizer", "AST → control-flow graph → bytecode", "compile()"),
    ("Code object", "bytecode, constants, names", "dis.dis(), .pyc via marshal"),
    ("Interpreter", "a stack machine; specializes hot code", "exec(), eval()"),
]


def pipeline() -> str:
    """The compilation pipeline as a column of boxes joined by arrows."""
    box_h, gap, accent = 58, 22, PALETTE[0]
    height = MARGIN + len(PIPELINE) * (box_h + gap) - gap + MARGIN
    summary = ", then ".join(f"{stage} ({what})" for stage, what, _ in PIPELINE)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-labelledby="t d" font-family="system-ui, sans-serif">',
        '<title id="t">From source code to execution in CPython</title>',
        f'<desc id="d">{escape(summary)}.</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{accent}"/></marker></defs>',
    ]
    for i, (stage, what, call) in enumerate(PIPELINE):
        y = MARGIN + i * (box_h + gap)
        if i:
            parts.append(
                f'<line x1="{WIDTH / 2}" y1="{y - gap}" x2="{WIDTH / 2}" y2="{y - 4}" '
                f'stroke="{accent}" stroke-width="2" marker-end="url(#arrow)"/>'
            )
        parts += [
            f'<rect x="{MARGIN}" y="{y}" width="{WIDTH - 2 * MARGIN}" height="{box_h}" rx="8" '
            f'fill="#e8eaf6" stroke="{accent}" stroke-width="2"/>',
            f'<text x="{MARGIN + 12}" y="{y + 24}" font-size="{TITLE_FONT}" font-weight="700" '
            f'fill="{INK}">{escape(stage)}</text>',
            f'<text x="{WIDTH - MARGIN - 12}" y="{y + 24}" font-size="{FONT}" text-anchor="end" '
            f'font-family="ui-monospace, monospace" fill="{INK}">{escape(call)}</text>',
            f'<text x="{MARGIN + 12}" y="{y + 46}" font-size="{FONT}" fill="{NOTE}">{escape(what)}</text>',
        ]
    return "\n".join(parts + ["</svg>"]) + "\n"


# Drawings that need no stored output: figure file, drawing function.
DIAGRAMS = [
    ("docs/cs-fundamentals/source-to-bytecode/pipeline.svg", pipeline),
]

# (stored output it is drawn from, figure file, title)
FIGURES = [
    (
        "snippets/cs-fundamentals/gil-and-concurrency/output/gil_timings/3.13.txt",
        "docs/cs-fundamentals/gil-and-concurrency/gil-timings.svg",
        "Four tasks on CPython 3.13, 2 cores (seconds, shorter is faster)",
    ),
    (
        "snippets/cs-fundamentals/memory-in-practice/output/locality/3.13.txt",
        "docs/cs-fundamentals/memory-in-practice/locality.svg",
        "Reading 3 million list items on CPython 3.13 (seconds, shorter is faster)",
    ),
    (
        "snippets/cs-fundamentals/virtual-machine/output/stack_trace/3.14.txt",
        "docs/cs-fundamentals/virtual-machine/value-stack.svg",
        "The value stack of total(20, 3) on CPython 3.14 (after each instruction)",
    ),
    (
        "snippets/cs-fundamentals/names-and-objects/output/names_are_references/3.14.txt",
        "docs/cs-fundamentals/names-and-objects/names-to-objects.svg",
        "Two names, one list; then a rebinding (names_are_references.py on CPython 3.14)",
    ),
    (
        "snippets/cs-fundamentals/memory-management/output/frames/3.14.txt",
        "docs/cs-fundamentals/memory-management/call-frames.svg",
        "The call stack inside inner() (newest call on top; frames.py on CPython 3.14)",
    ),
]


def drawn(source: str, title: str) -> str:
    draw = DRAWINGS.get((ROOT / source).parent.name, bar_chart)
    return draw((ROOT / source).read_text(encoding="utf-8"), title)


def redraw() -> None:
    """Writes each figure whose drawing changed, and says which."""
    drawings = [(figure, drawn(source, title)) for source, figure, title in FIGURES]
    drawings += [(figure, draw()) for figure, draw in DIAGRAMS]
    for figure, svg in drawings:
        path = ROOT / figure
        if not path.exists() or path.read_text(encoding="utf-8") != svg:
            path.write_text(svg, encoding="utf-8")
            print(f"redrew {figure}")
