"""Run esbuild, the npm package that bundles the code editor and minifies the
site's own scripts and styles.

Not a hook itself: hooks/python_runtime.py and hooks/minified_assets.py import it.
"""

import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError


def run(project: Path, arguments: list[str], doing: str, stdin: str | None = None) -> str:
    """esbuild's output; a PluginError naming what failed (`doing`) and why."""
    esbuild = Path(project) / "node_modules" / ".bin" / "esbuild"
    if not esbuild.is_file():
        raise PluginError(f"esbuild is missing ({esbuild}): run `npm ci`")
    done = subprocess.run(
        [str(esbuild), *arguments, "--log-level=warning"], cwd=project, input=stdin, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise PluginError(f"{doing} failed:\n{done.stderr[-2000:]}")
    return done.stdout
