"""Building the site: the README's `properdocs build --strict -f mkdocs.yml`."""

import subprocess
import sys
from pathlib import Path

from course import interpreters


def build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Build a project folder into `site_dir`; returns the finished process. No
    SITE_URL: links in the exports are relative to the site's root."""
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir)],
        cwd=project_dir,
        capture_output=True,
        text=True,
        timeout=300,
        env=interpreters.CLEAN_ENV,
    )
