"""The course's Python-Markdown extension: one directive shows one snippet.

A line of its own in a page,

    ::snippet[<module>/<lesson>/<name>.py]
    ::snippet[<module>/<lesson>/<name>.py]{predict=<checkpoint id>}
    ::snippet[<module>/<lesson>/<name>.py]{stepper=yes}
    ::snippet[<module>/<lesson>/<name>.py:<section>]
    ::builds
    ::quiz[<module>/<lesson>]
    ::explorer[<module>/<lesson>/<name>.py]

renders, at build time, from the snippet file and its recorded outputs:
its code (or one marked section of it), its outputs one build at a time (each
distinct output under an Output caption naming its builds, the in-page
Python's shown first, the others a toggle away), Run controls (the block is
marked for docs/assets/runner/runner.js) or the reason it runs on native
CPython only, and, with `predict=`, the checkpoint from the lesson's
checkpoints.yml with its recorded output collapsed until the reader predicts;
with `stepper=yes`, a stepper under the block (runner.js adds it).
`::builds` renders the lesson's builds box (course/builds.py): the reader's
pick of build, and each build described; every output's caption links to it.
`::quiz[...]` renders the lesson's closing quiz from its quiz.yml (course/quiz.py).
`::explorer[...]` renders the bytecode explorer's place on its page, holding
the snippet it starts with (docs/assets/explorer/explorer.src.js).
Nothing generated is committed: a missing snippet, section, recorded output or
checkpoint fails the build with a message naming the file and the fix.

It is a Markdown extension, not a MkDocs hook, so that it runs unchanged
wherever Python-Markdown renders the pages (ProperDocs today, Zensical later).
The Markdown it writes is then read by pymdownx.superfences and md_in_html,
as if the author had typed it.

It also gives every page the glossaries' tooltips (course/glossary.py).

    markdown_extensions:
      - course.markdown:
          snippets: snippets   # where snippets live (relative to the build's folder)
          docs: docs           # where each lesson's checkpoints.yml lives
          glossaries: [docs/cs-fundamentals/glossary.md]
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from course import builds, checkpoints, glossary, quiz, runtime
from course.errors import CourseError
from course.snippets import Snippet, find

DIRECTIVE = re.compile(r"^::snippet\[(?P<name>[^\]:]+?)(?::(?P<section>\w+))?\](?:\{(?P<options>[^}]*)\})?[ \t]*$")
BUILDS = "::builds"  # the builds box: every build that printed an output, described
EXPLORER = re.compile(r"^::explorer\[(?P<name>[^\]]+)\][ \t]*$")
OPTION = re.compile(r"^(\w+)=([\w-]+)$")
OPTIONS = {"predict", "stepper"}

# The class of every output's caption paragraph (docs/assets/outputs.css).
CAPTION_CLASS = "output-caption"
# An output's block: plain text, and no copy button (Material leaves out
# `.no-copy` blocks), so only code offers one: what a reader copies to run.
OUTPUT_CLASSES = ".text .no-copy"
PREDICT_SUMMARY = "Recorded output: open it after you predict"


@dataclass(frozen=True)
class Directive:
    name: str  # <module>/<lesson>/<name>.py
    section: str | None
    predict: str | None
    stepper: bool = False  # {stepper=yes}: a stepper under the block (docs/assets/explorer/stepper.src.js)


def parse(line: str) -> Directive | None:
    """The directive on a line, None if the line is not one, or a CourseError."""
    match = DIRECTIVE.match(line)
    if not match:
        if line.startswith("::snippet"):
            raise CourseError(
                f"'{line.strip()}' is not a snippet directive: write "
                "::snippet[<module>/<lesson>/<name>.py] (optionally {predict=<id>})"
            )
        return None
    options = {}
    for option in (match["options"] or "").split():
        found = OPTION.match(option)
        if not found or found[1] not in OPTIONS:
            raise CourseError(f"'{line.strip()}': unknown option '{option}' (known: {', '.join(sorted(OPTIONS))})")
        options[found[1]] = found[2]
    if options.get("stepper", "yes") != "yes":
        raise CourseError(f"'{line.strip()}': write {{stepper=yes}} for a stepper under the block")
    return Directive(match["name"].strip(), match["section"], options.get("predict"), "stepper" in options)


def directives(markdown: str) -> list[Directive]:
    """Every snippet directive in a page, in order."""
    return [d for d in map(parse, markdown.splitlines()) if d]


# --- Rendering ------------------------------------------------------------------


def indented(text: str, indent: str) -> list[str]:
    """The lines of `text` with `indent` before each non-blank one: how Markdown
    nests a block in a tab, an admonition or a collapsed block."""
    return [f"{indent}{line}" if line else "" for line in text.rstrip("\n").split("\n")]


def fenced(text: str, opening: str, indent: str = "") -> str:
    """`text` in a fence longer than any run of backticks it holds, so that
    no line of a snippet or an output can close the block early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([f"{indent}{fence}{opening}", *indented(text, indent), f"{indent}{fence}"]) + "\n"


COMPARE_SUMMARY = "Other builds print something else: compare"
COMPARE_OPEN = "Hide the other builds"


def render_outputs(outputs: dict[str, str], default: str) -> str:
    """The recorded outputs, one build at a time: a block per distinct output,
    each under an "Output" caption naming the builds that printed it. The block
    of `default`'s build (builds.shown_first) is marked shown; the reader's
    pick of build (docs/assets/python-pick.js) shows another, and where builds
    differ a toggle shows them all. Captions stay out of search: they would
    repeat on every output."""
    versions = list(outputs)
    shown = builds.shown_first(versions, default)
    printed: dict[str, list[str]] = {}  # each distinct output -> the builds that printed it
    for version in versions:
        printed.setdefault(outputs[version], []).append(version)
    alike = len(printed) == 1
    blocks = []
    for text, printers in printed.items():
        names = f"[{builds.build_list(printers)}](#{builds.ABOUT_ANCHOR})"
        caption = f"**Output** · {'the same on ' if alike else ''}{names}"
        kind = "output output--shown" if shown in printers else "output"
        blocks.append(
            f'<div class="{kind}" data-builds="{" ".join(printers)}" markdown>\n\n'
            f'{caption}\n{{ .{CAPTION_CLASS} data-search-exclude="" }}\n\n'
            f"{fenced(text, f' {{ {OUTPUT_CLASSES} }}')}\n</div>"
        )
    if not alike:
        blocks.append(
            f'<details class="output-compare" data-search-exclude=""><summary>'
            f'<span class="output-compare__closed">{COMPARE_SUMMARY}</span>'
            f'<span class="output-compare__open">{COMPARE_OPEN}</span></summary></details>'
        )
    return '<div class="outputs" markdown>\n\n' + "\n\n".join(blocks) + "\n\n</div>"


# Inline code, with the punctuation right after it: they go to a new line
# together (runner.css), so a line never starts with the comma after `x = 1`.
INLINE_CODE = re.compile(r"`([^`]+)`([,.:;?!]?)")


def _inline(text: str) -> str:
    return INLINE_CODE.sub(r'<span class="predict__code"><code>\1</code>\2</span>', html.escape(text, quote=False))


def render_checkpoint(checkpoint: checkpoints.Checkpoint, answer: str) -> str:
    choices = "".join(
        f'<label><input type="radio" name="predict-{checkpoint.key}" value="{html.escape(choice)}"> '
        f"<code>{html.escape(choice)}</code></label>"
        for choice in checkpoint.choices
    )
    return (
        f'<form class="predict" id="predict-{checkpoint.key}" data-search-exclude data-answer="{html.escape(answer)}" '
        f'data-line="{html.escape(checkpoint.line)}" data-why="{html.escape(checkpoint.why)}">'
        f"<fieldset><legend><strong>Predict, then run.</strong> {_inline(checkpoint.question)}</legend>"
        f'<div class="predict__choices">{choices}</div></fieldset>'
        '<p class="predict__result" role="status"></p></form>'
    )


class SnippetRenderer:
    """Renders directives for one build: where snippets and lessons live, and
    which series the in-page runtime runs (a checkpoint's answer is read from
    that series' output, since that is what the reader's own run prints)."""

    def __init__(self, snippets: Path, docs: Path, project: Path):
        self.snippets, self.docs, self.project = snippets, docs, project

    @cached_property
    def series(self) -> str:
        return runtime.describe(self.project)["series"]

    def render(self, directive: Directive) -> str:
        snippet = find(directive.name, self.snippets)
        code = fenced(snippet.shown(directive.section), f' python title="{snippet.path.name}"')
        recorded = snippet.outputs()
        outputs = render_outputs(recorded, self.series)
        attributes = f'data-snippet="{snippet.name}" data-lesson="{snippet.lesson}"'
        if snippet.native_only:
            attributes += f' data-native-only="{html.escape(snippet.native_only)}"'
        if directive.stepper:
            if snippet.native_only:
                raise CourseError(
                    f"{snippet.path}: a stepper needs a snippet that runs in the page (it is native only)"
                )
            attributes += " data-stepper"
        checkpoint = ""
        if directive.predict:
            checkpoint = self._checkpoint(snippet, recorded, directive.predict) + "\n\n"
            outputs = f'<details class="abstract" markdown>\n<summary data-search-exclude>{PREDICT_SUMMARY}</summary>\n\n{outputs}\n\n</details>'
        return f'<div class="runnable" {attributes} markdown>\n\n{checkpoint}{code}\n{outputs}\n</div>'

    def _checkpoint(self, snippet: Snippet, recorded: dict[str, str], key: str) -> str:
        source = self.docs / snippet.lesson / checkpoints.FILE_NAME
        found = checkpoints.load(source)
        if key not in found:
            raise CourseError(f"{source}: no checkpoint '{key}' (named by ::snippet[{snippet.id}.py])")
        series = self.series
        if snippet.native_only:
            raise CourseError(
                f"{source}: checkpoint '{key}' needs a snippet that runs on {series}, "
                f"and {snippet.path} is native CPython only"
            )
        answer = found[key].answer(recorded[series])
        if answer is None:
            raise CourseError(
                f"{source}: checkpoint '{key}': the recorded {series} output of {snippet.name} "
                f"does not give exactly one of its choices {list(found[key].choices)}"
            )
        return render_checkpoint(found[key], answer)

    def explorer(self, name: str) -> str:
        """The explorer's place: the code it starts with, which is what a
        reader without JavaScript sees (the explorer replaces it)."""
        snippet = find(name, self.snippets)
        code = fenced(snippet.shown(None), f' python title="{snippet.path.name}"')
        return f'<div class="explorer" data-explorer markdown>\n\n{code}\n</div>'


class SnippetPreprocessor(Preprocessor):
    def __init__(self, md, renderer: SnippetRenderer):
        super().__init__(md)
        self.renderer = renderer

    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            text = line.lstrip(" ")
            indent = line[: len(line) - len(text)]
            if text.rstrip() == BUILDS:
                # Every lesson repeats this box word for word: out of the search
                # index, or its words (pymalloc, bytecode) would rank each lesson
                # above the glossary entries that define them.
                if indent:
                    raise CourseError(f"'{BUILDS}' must start its line: it renders a box of its own")
                rendered = builds.builds_box(self.renderer.series)
            elif placed := EXPLORER.match(text.rstrip()):
                rendered = self.renderer.explorer(placed["name"].strip())
            elif placed := quiz.DIRECTIVE.match(text.rstrip()):
                renderer = self.renderer
                rendered = "\n" + quiz.render(placed["lesson"], renderer.docs, renderer.snippets) + "\n"
            else:
                directive = parse(text)
                rendered = self.renderer.render(directive) if directive else None
            if rendered is None:
                out.append(line)
            else:  # a directive inside an admonition or a tab keeps its indent
                out.extend(indented(rendered, indent))
        return out


class GlossaryPreprocessor(Preprocessor):
    """Appends the glossaries' tooltips to every page, as abbreviations."""

    def __init__(self, md, glossaries: list[Path]):
        super().__init__(md)
        self.definitions = [line for path in glossaries for line in glossary.abbreviations(path)]

    def run(self, lines: list[str]) -> list[str]:
        return [*lines, "", *self.definitions]


class CourseExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "snippets": ["snippets", "Folder of the snippets, relative to the build's working folder"],
            "docs": ["docs", "Folder of the pages (each lesson's checkpoints.yml)"],
            "glossaries": [[], "Glossary pages whose tooltips every page shows (course/glossary.py)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        project = Path.cwd()
        renderer = SnippetRenderer(project / self.getConfig("snippets"), project / self.getConfig("docs"), project)
        # After pymdownx.snippets (32), so an included file's directives render
        # too; before superfences (25) reads the fences written here.
        md.preprocessors.register(SnippetPreprocessor(md, renderer), "course_snippets", 31)
        glossaries = [project / path for path in self.getConfig("glossaries")]
        md.preprocessors.register(GlossaryPreprocessor(md, glossaries), "course_glossary", 31.5)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return CourseExtension(**kwargs)
