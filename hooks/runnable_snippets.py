"""Lesson snippets become runnable in the reader's browser (docs/assets/runner/).

A code block that includes a whole snippet, followed by the include of that
snippet's output fragment, is wrapped in <div class="runnable" data-snippet=..>
so that runner.js can give it Run, Edit and Stop. A snippet marked
`# Native CPython only: <why>` carries its reason instead of a Run button.

A line `<!-- predict ID -->` right before such a code block renders a
predict-then-run checkpoint from the lesson's checkpoints.yml. Its answer is
read from the snippet's recorded output on the runtime's Python version, so
the key cannot drift from what the snippet prints, and the build fails,
naming the checkpoint, when the recorded output does not give exactly one of
the choices. Until the reader predicts, the recorded output stays collapsed.

After the build, each lesson's recorded outputs for that version go to
assets/try-it/<module>/<lesson>/outputs.json, which the runner fetches on the
first Run to say whether the reader's run matches the page.
"""

import html
import json
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

import pyodide_runtime

RUNNABLE = re.compile(
    r"^(?:<!-- predict (?P<predict>[\w-]+) -->\n)?"
    r'(?P<code>```python title="[\w.]+"\n--8<-- "(?P<folder>[\w/-]+)/(?P<name>\w+)\.py"\n```)\n\n'
    r'(?P<output>--8<-- "(?P=folder)/output/(?P=name)\.md")$',
    re.MULTILINE,
)
STRAY_PREDICT = re.compile(r"^<!-- predict ([\w-]+) -->$", re.MULTILINE)
NATIVE_ONLY = re.compile(r"^# Native CPython only: (.+)$", re.MULTILINE)  # as tests/support/snippets.py
VARIABLE_OUTPUT = "snippets/variable-output.json"

lesson_folders = set()  # snippets/<module>/<lesson> folders with runnable blocks, for on_post_build


def on_pre_build(config):
    lesson_folders.clear()  # `serve` rebuilds in one process


def on_page_markdown(markdown, page, config, files):
    project = Path(config.config_file_path).resolve().parent
    checkpoints_file = Path(page.file.abs_src_path).with_name("checkpoints.yml")
    checkpoints = yaml.safe_load(checkpoints_file.read_text(encoding="utf-8")) if checkpoints_file.is_file() else {}
    series = pyodide_runtime.describe(project)["series"] if RUNNABLE.search(markdown) else None

    def wrap(match):
        folder = project / "snippets" / match["folder"]
        lesson_folders.add(folder)
        source = (folder / f"{match['name']}.py").read_text(encoding="utf-8")
        native = NATIVE_ONLY.search(source)
        attributes = f'data-snippet="{match["name"]}" data-lesson="{match["folder"]}"'
        if native:
            attributes += f' data-native-only="{html.escape(native[1])}"'
        output = match["output"]
        checkpoint = ""
        if match["predict"]:
            key = match["predict"]
            if key not in checkpoints:
                raise PluginError(f"{page.file.src_path}: no checkpoint '{key}' in {checkpoints_file.name}")
            recorded = folder / "output" / match["name"] / f"{series}.txt"
            if native or not recorded.is_file():
                raise PluginError(f"{page.file.src_path}: checkpoint '{key}' needs a snippet that runs on {series}")
            answer = checkpoint_answer(checkpoints[key], recorded.read_text(encoding="utf-8"))
            if answer is None:
                raise PluginError(
                    f"{page.file.src_path}: checkpoint '{key}': the recorded {series} output of "
                    f"{match['name']} does not give exactly one of its choices {checkpoints[key]['choices']}")
            checkpoint = render_checkpoint(key, checkpoints[key], answer) + "\n\n"
            output = '??? abstract "Recorded output: open it after you predict"\n\n    ' + output
        return f'<div class="runnable" {attributes} markdown>\n\n{checkpoint}{match["code"]}\n\n{output}\n\n</div>'

    markdown = RUNNABLE.sub(wrap, markdown)
    stray = STRAY_PREDICT.search(markdown)
    if stray:
        raise PluginError(f"{page.file.src_path}: '<!-- predict {stray[1]} -->' must stand right before "
                          "a snippet's code block that is followed by its output")
    return markdown


def checkpoint_answer(checkpoint, output):
    """The one choice the recorded output gives, or None.

    With `line`, the answer is what follows that prefix on the first output line
    starting with it; without, the one choice that appears in the output as a
    whole word."""
    choices = checkpoint["choices"]
    if "line" in checkpoint:
        rest = [line[len(checkpoint["line"]):].strip() for line in output.splitlines()
                if line.startswith(checkpoint["line"])]
        found = [choice for choice in choices if rest and choice == rest[0]]
    else:
        found = [choice for choice in choices if re.search(rf"(?<!\w){re.escape(choice)}(?!\w)", output)]
    return found[0] if len(found) == 1 else None


# Inline code, with the punctuation right after it: they go to a new line
# together (runner.css), so a line never starts with the comma after `x = 1`.
INLINE_CODE = re.compile(r"`([^`]+)`([,.:;?!]?)")


def _inline(text):
    return INLINE_CODE.sub(r'<span class="predict__code"><code>\1</code>\2</span>', html.escape(text, quote=False))


def render_checkpoint(key, checkpoint, answer):
    choices = "".join(
        f'<label><input type="radio" name="predict-{key}" value="{html.escape(choice)}"> '
        f"<code>{html.escape(choice)}</code></label>"
        for choice in checkpoint["choices"])
    return (
        f'<form class="predict" id="predict-{key}" data-answer="{html.escape(answer)}" '
        f'data-line="{html.escape(checkpoint.get("line", ""))}" '
        f'data-why="{html.escape(checkpoint["why"])}">'
        f'<fieldset><legend><strong>Predict, then run.</strong> {_inline(checkpoint["question"])}</legend>'
        f'<div class="predict__choices">{choices}</div></fieldset>'
        '<p class="predict__result" role="status"></p></form>'
    )


def on_post_build(config):
    project = Path(config.config_file_path).resolve().parent
    series = pyodide_runtime.describe(project)["series"]
    variable = json.loads((project / VARIABLE_OUTPUT).read_text(encoding="utf-8"))
    for folder in sorted(lesson_folders):
        recorded = {
            path.parent.name: path.read_text(encoding="utf-8")
            for path in sorted((folder / "output").glob(f"*/{series}.txt"))
        }
        target = Path(config.site_dir) / "assets/try-it" / folder.relative_to(project / "snippets") / "outputs.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"version": series, "variable": variable, "outputs": recorded},
                                     ensure_ascii=False), encoding="utf-8")
