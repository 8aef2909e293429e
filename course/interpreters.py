"""Find the interpreters the site's outputs come from, and run snippets on them.

CPython 3.11, 3.12 and 3.13 run natively; 3.14 and 3.15 run as Pyodide (CPython
compiled to WebAssembly) under Node, each from the npm package pinned for it in
package-lock.json. course/builds.py describes each build for readers.
"""

from __future__ import annotations

import functools
import glob
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from course import runtime

ROOT = Path(__file__).resolve().parents[1]
NATIVE_VERSIONS = ("3.11", "3.12", "3.13")
# Which npm package (in node_modules) serves each WebAssembly version the
# outputs come from (course/runtime.py names one for every series).
PYODIDE_PACKAGES = {series: runtime.PACKAGES[series] for series in ("3.14", "3.15")}
VERSIONS = (*NATIVE_VERSIONS, *PYODIDE_PACKAGES)
SNIPPET_TIMEOUT_S = 120
IN_CI = os.environ.get("CI", "").lower() == "true"

# Snippets run as a learner would run them: no inherited PYTHON* settings
# (this machine sets PYTHONDONTWRITEBYTECODE), and a fixed hash seed.
CLEAN_ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "HOME": os.environ.get("HOME", "/tmp"),
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONIOENCODING": "utf-8",
}


@dataclass
class Run:
    output: str
    ok: bool


@functools.cache  # asked for every snippet; each check starts an interpreter
def find_native(version: str) -> str | None:
    """Path of a CPython X.Y: on PATH (GitHub's setup-python) or under pyenv."""
    on_path = shutil.which(f"python{version}")
    if on_path and _reports_version(on_path, version):
        return on_path
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    for candidate in sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}")):
        if _reports_version(candidate, version):
            return candidate
    return None


def _reports_version(executable: str, version: str) -> bool:
    try:
        printed = subprocess.run(
            [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            env=CLEAN_ENV,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return False
    return printed == version


def pyodide_available(version: str) -> bool:
    package = ROOT / "node_modules" / PYODIDE_PACKAGES[version]
    return shutil.which("node") is not None and package.is_dir()


def missing_reason(version: str) -> str | None:
    """Why `version` cannot run here, or None when it can."""
    if version in PYODIDE_PACKAGES:
        if pyodide_available(version):
            return None
        package = PYODIDE_PACKAGES[version]
        return f"Pyodide for {version} needs node and `npm ci` (node_modules/{package} is missing)"
    if find_native(version):
        return None
    return f"no python{version} on PATH or under pyenv"


def run_native(executable: str, snippet: Path) -> Run:
    with tempfile.TemporaryDirectory() as workdir:
        try:
            done = subprocess.run(
                [executable, str(snippet)],
                cwd=workdir,
                env=CLEAN_ENV,
                capture_output=True,
                text=True,
                timeout=SNIPPET_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            return Run(f"timed out after {SNIPPET_TIMEOUT_S} s", ok=False)
    return Run(done.stdout + done.stderr, ok=done.returncode == 0)


def run_pyodide(snippets: list[Path], version: str, limit_s: float = SNIPPET_TIMEOUT_S) -> dict[Path, Run]:
    """Run many snippets on one Pyodide version in one Node process, loading
    Pyodide once (the slow part); each has `limit_s` seconds, and one that
    runs longer is reported as timed out while the others still run. Any
    series course/runtime.py names runs: the outputs come from 3.14 and 3.15,
    and the explorer's tests run the others as the explorer does."""
    if not snippets:
        return {}
    package = runtime.PACKAGES[version]
    done = subprocess.run(
        ["node", str(ROOT / "course" / "run_in_pyodide.mjs"), package, str(limit_s), *map(str, snippets)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=limit_s + SNIPPET_TIMEOUT_S * 3,  # each file has its limit inside; this is for Pyodide's start
    )
    if done.returncode != 0:
        raise RuntimeError(f"Pyodide runner failed:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    if not report["version"].startswith(version + "."):
        raise RuntimeError(f"node_modules/{package} runs CPython {report['version']}, expected {version}")
    return {Path(path): Run(r["output"], r["ok"]) for path, r in report["results"].items()}
