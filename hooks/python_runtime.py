"""Serve the in-page Python runtime and code editor from the site itself.

After each build:
- the Pyodide files a browser needs are copied from node_modules into
  assets/runtime/pyodide-<release>/ (a versioned folder, so the service worker
  can keep it for good), with runtime.json describing it for the runner and
  listing each file's size and SHA-256 for the service worker;
- CodeMirror is bundled by esbuild from docs/assets/runner/editor.src.js into
  assets/runner/editor.js, one self-hosted module loaded on first use.
Nothing here is fetched by a page until a reader presses Run or opens an editor.
"""

import json
import shutil
from pathlib import Path

import esbuild_tool

from course import runtime as pyodide_runtime


def _copy_if_changed(source: Path, target: Path):
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime >= source.stat().st_mtime
    ):
        return  # `mkdocs serve` rebuilds often; 13 MB need not be copied each time
    shutil.copy2(source, target)


def on_post_build(config):
    project = Path(config.config_file_path).resolve().parent
    site = Path(config.site_dir)
    runtime = pyodide_runtime.describe(project)
    package = pyodide_runtime.package_dir(project)
    target = site / runtime["path"]
    target.mkdir(parents=True, exist_ok=True)
    for name in pyodide_runtime.RUNTIME_FILES:
        _copy_if_changed(package / name, target / name)
    # One build today; the runner picks a series, so more can sit beside it.
    listed = runtime | {"files": pyodide_runtime.file_digests(project)}
    described = {"default": runtime["series"], "runtimes": {runtime["series"]: listed}}
    (site / "assets/runtime/runtime.json").write_text(json.dumps(described, indent=2), encoding="utf-8")
    _bundle_editor(project, site)


def _bundle_editor(project: Path, site: Path):
    esbuild_tool.run(
        project,
        [
            "docs/assets/runner/editor.src.js",
            "--bundle",
            "--format=esm",
            "--minify",
            f"--outfile={site / 'assets/runner/editor.js'}",
        ],
        "bundling the code editor",
    )
