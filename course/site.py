"""Building the site: the README's `properdocs build --strict -f mkdocs.yml`."""

import subprocess
import sys
from pathlib import Path

from course import interpreters


def commit_time() -> str:
    """The last commit's time, as the deploy passes it in SOURCE_DATE_EPOCH: the
    sitemap's dates are then the commit's, not the clock's, and two builds that
    straddle midnight still give the same files."""
    printed = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=interpreters.ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    return printed or "0"  # no history (an exported tree): a fixed date


def build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Build a project folder into `site_dir`; returns the finished process. No
    SITE_URL: links in the exports are relative to the site's root."""
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir)],
        cwd=project_dir,
        capture_output=True,
        text=True,
        timeout=300,
        env={**interpreters.CLEAN_ENV, "SOURCE_DATE_EPOCH": commit_time()},
    )
