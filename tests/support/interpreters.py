"""Find the interpreters the site's outputs come from, and run snippets on them.

CPython 3.11, 3.12 and 3.13 run natively; 3.14 runs as Pyodide (CPython compiled
to WebAssembly) under Node, from the version pinned in package-lock.json.
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

ROOT = Path(__file__).resolve().parents[2]
NATIVE_VERSIONS = ("3.11", "3.12", "3.13")
PYODIDE_VERSION = "3.14"
VERSIONS = (*NATIVE_VERSIONS, PYODIDE_VERSION)
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
            capture_output=True, text=True, timeout=30, env=CLEAN_ENV,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return False
    return printed == version


def pyodide_available() -> bool:
    return shutil.which("node") is not None and (ROOT / "node_modules" / "pyodide").is_dir()


def missing_reason(version: str) -> str | None:
    """Why `version` cannot run here, or None when it can."""
    if version == PYODIDE_VERSION:
        if pyodide_available():
            return None
        return "Pyodide for 3.14 needs node and `npm ci` (node_modules/pyodide is missing)"
    if find_native(version):
        return None
    return f"no python{version} on PATH or under pyenv"


def run_native(executable: str, snippet: Path) -> Run:
    with tempfile.TemporaryDirectory() as workdir:
        try:
            done = subprocess.run(
                [executable, str(snippet)], cwd=workdir, env=CLEAN_ENV,
                capture_output=True, text=True, timeout=SNIPPET_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            return Run(f"timed out after {SNIPPET_TIMEOUT_S} s", ok=False)
    return Run(done.stdout + done.stderr, ok=done.returncode == 0)


def run_pyodide(snippets: list[Path]) -> dict[Path, Run]:
    """Run many snippets in one Node process: loading Pyodide is the slow part."""
    if not snippets:
        return {}
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "support" / "run_in_pyodide.mjs"), "pyodide", *map(str, snippets)],
        cwd=ROOT, capture_output=True, text=True, timeout=SNIPPET_TIMEOUT_S * 3,
    )
    if done.returncode != 0:
        raise RuntimeError(f"Pyodide runner failed:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    if not report["version"].startswith(PYODIDE_VERSION + "."):
        raise RuntimeError(f"Pyodide runs CPython {report['version']}, expected {PYODIDE_VERSION}")
    return {Path(path): Run(r["output"], r["ok"]) for path, r in report["results"].items()}
