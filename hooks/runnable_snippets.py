"""Each lesson's recorded outputs, for the in-page runner to compare with.

course/markdown.py renders every snippet block (marked for runner.js); after
the build, this hook writes each lesson's recorded outputs on the in-page
runtime's series to assets/try-it/<module>/<lesson>/outputs.json, which the
runner fetches on the first Run to say whether the reader's run matches the page.
"""

import json
from pathlib import Path

from course import runtime, snippets


def on_post_build(config):
    project = Path(config.config_file_path).resolve().parent
    series = runtime.describe(project)["series"]
    by_lesson = {}
    for snippet in snippets.discover(project / "snippets"):
        if series in snippet.versions:
            by_lesson.setdefault(snippet.lesson, {})[snippet.name] = snippet.outputs()[series]
    for lesson, recorded in sorted(by_lesson.items()):
        target = Path(config.site_dir) / "assets/try-it" / lesson / "outputs.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(
                {"version": series, "variable": snippets.VARIABLE_PATTERNS, "outputs": recorded}, ensure_ascii=False
            ),
            encoding="utf-8",
        )
