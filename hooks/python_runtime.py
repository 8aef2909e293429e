"""Serve the in-page Python runtime and code editor from the site itself.

After each build:
- the Pyodide files a browser needs are copied from node_modules into
  assets/runtime/pyodide-<release>/ (a versioned folder, so the service worker
  can keep it for good), one folder per CPython series installed, with
  runtime.json describing them for the runner and the explorer (and naming
  the series not installed) and listing each file's size and SHA-256 for the
  service worker;
- CodeMirror is bundled by esbuild from docs/assets/runner/editor.src.js into
  assets/runner/editor.js, one self-hosted module loaded on first use, and the
  bytecode explorer from docs/assets/explorer/explorer.src.js likewise.
Nothing here is fetched by a page until a reader presses Run, opens an editor
or opens the explorer.
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
    default = pyodide_runtime.describe(project)  # the runner's: the build fails without it
    runtimes = pyodide_runtime.installed(project)
    for series, runtime in runtimes.items():
        package = pyodide_runtime.package_dir(project, pyodide_runtime.PACKAGES[series])
        target = site / runtime["path"]
        target.mkdir(parents=True, exist_ok=True)
        for name in pyodide_runtime.runtime_files(package):
            _copy_if_changed(package / name, target / name)
        runtime["files"] = pyodide_runtime.file_digests(package)
    described = {
        "default": default["series"],
        "runtimes": runtimes,
        # What the explorer says of a series the site does not serve.
        "missing": {series: package for series, package in pyodide_runtime.PACKAGES.items() if series not in runtimes},
        "add": pyodide_runtime.ADD_MISSING,
    }
    (site / "assets/runtime/runtime.json").write_text(json.dumps(described, indent=2), encoding="utf-8")
    _bundle(project, "docs/assets/runner/editor.src.js", site / "assets/runner/editor.js", "the code editor")
    _bundle(project, "docs/assets/explorer/explorer.src.js", site / "assets/explorer/explorer.js", "the explorer")
    _bundle(project, "docs/assets/explorer/stepper.src.js", site / "assets/explorer/stepper.js", "a lesson's stepper")


def _bundle(project: Path, source: str, target: Path, what: str):
    esbuild_tool.run(
        project,
        [source, "--bundle", "--format=esm", "--minify", f"--outfile={target}"],
        f"bundling {what}",
    )
