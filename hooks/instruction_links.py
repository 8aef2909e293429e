"""After each build, assets/explorer/instructions.json: where the course explains
each instruction the bytecode explorer may list (course/instruction_links.py)."""

import json
from pathlib import Path

from course import instruction_links


def on_post_build(config):
    site = Path(config.site_dir)
    target = site / "assets/explorer/instructions.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(instruction_links.explained_at(site), sort_keys=True), encoding="utf-8")
