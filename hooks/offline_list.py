"""After each build, offline.json lists what a reader's browser keeps for
offline reading once Python has run in it (course/offline.py says what)."""

import json
from pathlib import Path

from course import offline


def on_post_build(config):
    site = Path(config.site_dir)
    (site / "offline.json").write_text(json.dumps(offline.kept_files(site)), encoding="utf-8")
