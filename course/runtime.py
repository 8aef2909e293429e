"""Where the in-page Pythons come from: Pyodide's npm packages, one per CPython series.

The runner runs the default package (`pyodide`, CPython 3.14); the bytecode
explorer runs every series the site serves, each in its own worker. The other
packages are devDependencies (package.json): the README's light install
(`npm ci --omit=dev`) builds and serves without them, and the explorer then
says which are missing and how to add them; `npm ci` and the deploy install all.
Read by the build (hooks/python_runtime.py, course/markdown.py) and the tests.
"""

import hashlib
import json
from pathlib import Path

from course.errors import CourseError

DEFAULT_PACKAGE = "pyodide"
# Each CPython series and the npm package (an alias in package.json) that serves it.
PACKAGES = {
    "3.11": "pyodide-311",
    "3.12": "pyodide-312",
    "3.13": "pyodide-313",
    "3.14": DEFAULT_PACKAGE,
    "3.15": "pyodide-315",
}
# Only what a runtime needs in a browser; a package's other files (Node
# typings, source maps, a test console) are not served. Pyodide before 314
# ships its Emscripten module as pyodide.asm.js; from 314, as pyodide.asm.mjs.
COMMON_FILES = ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
MODULE_FILES = ("pyodide.asm.mjs", "pyodide.asm.js")
# How to install what is missing: everything, the site's runtimes, or the runner's only.
INSTALL_ALL = "npm ci (or npm ci --omit=dev to build and serve only)"
ADD_MISSING = "npm ci"  # with the devDependencies: every series


def runtime_files(package: Path) -> tuple[str, ...]:
    """The files of one package that the site serves."""
    module = next((name for name in MODULE_FILES if (package / name).is_file()), MODULE_FILES[0])
    return (*COMMON_FILES, module)


def package_dir(project_dir, package: str = DEFAULT_PACKAGE) -> Path:
    """node_modules/<package>, or a CourseError that says how to get it."""
    found = Path(project_dir) / "node_modules" / package
    missing = [name for name in runtime_files(found) if not (found / name).is_file()]
    if missing:
        raise CourseError(f"the in-page Python runtime is missing ({found / missing[0]}): run `{INSTALL_ALL}`")
    return found


def describe(project_dir, package: str = DEFAULT_PACKAGE) -> dict:
    """One runtime's versions and where the site serves it."""
    found = package_dir(project_dir, package)
    release = json.loads((found / "package.json").read_text(encoding="utf-8"))["version"]
    lock = json.loads((found / "pyodide-lock.json").read_text(encoding="utf-8"))
    python = lock["info"]["python"]
    return {
        "python": python,  # e.g. 3.14.2
        "series": ".".join(python.split(".")[:2]),  # e.g. 3.14: its recorded outputs
        "pyodide": release,
        "path": f"assets/runtime/pyodide-{release}/",  # versioned: cached for good
        "label": f"CPython {python}, WebAssembly, in this browser",
        "build": f"{python} · Pyodide {release} · 32-bit WebAssembly",  # how the explorer names it
    }


def installed(project_dir) -> dict[str, dict]:
    """Every series whose package is in node_modules, described, by series."""
    found = {}
    for series, package in PACKAGES.items():
        try:
            found[series] = describe(project_dir, package)
        except CourseError:
            continue  # optional: the explorer says it is missing
        if found[series]["series"] != series:
            raise CourseError(
                f"node_modules/{package} runs CPython {found[series]['python']}, not {series}: "
                f"package.json's alias for {series} names the wrong Pyodide release"
            )
    return found


def file_digests(found: Path) -> dict:
    """Each file a runtime package (package_dir's) serves, with its size and
    SHA-256, for runtime.json: the service worker keeps a runtime file only if
    it arrived with exactly these."""
    return {
        name: {
            "size": (found / name).stat().st_size,
            "sha256": hashlib.sha256((found / name).read_bytes()).hexdigest(),
        }
        for name in runtime_files(found)
    }


def check_served(site: Path) -> None:
    """Exits naming the series a built site does not serve (the deploy runs
    `python -m course.runtime site`: a published site serves them all)."""
    missing = json.loads((site / "assets/runtime/runtime.json").read_text(encoding="utf-8"))["missing"]
    if missing:
        raise SystemExit(f"{site}: the site does not serve {', '.join(missing)}: run `{ADD_MISSING}` and build again")


if __name__ == "__main__":
    import sys

    check_served(Path(sys.argv[1]))
