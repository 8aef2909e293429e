"""Where the in-page Python runtime comes from: the `pyodide` npm package.

Read by the build (hooks/python_runtime.py, course/markdown.py) and the tests.
"""

import hashlib
import json
from pathlib import Path

from course.errors import CourseError

# Only what the runtime needs in a browser; the package's other files (Node
# typings, source maps, a test console) are not served.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def package_dir(project_dir) -> Path:
    """node_modules/pyodide, or a PluginError that says how to get it."""
    found = Path(project_dir) / "node_modules" / "pyodide"
    missing = [name for name in RUNTIME_FILES if not (found / name).is_file()]
    if missing:
        raise CourseError(
            f"the in-page Python runtime is missing ({found / missing[0]}): run `npm ci` "
            "(or `npm ci --omit=dev` to build and serve only)"
        )
    return found


def describe(project_dir) -> dict:
    """The runtime's versions and where the site serves it."""
    package = package_dir(project_dir)
    release = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    lock = json.loads((package / "pyodide-lock.json").read_text(encoding="utf-8"))
    python = lock["info"]["python"]
    return {
        "python": python,  # e.g. 3.14.2
        "series": ".".join(python.split(".")[:2]),  # e.g. 3.14: its recorded outputs
        "pyodide": release,
        "path": f"assets/runtime/pyodide-{release}/",  # versioned: cached for good
        "label": f"CPython {python}, WebAssembly, in this browser",
    }


def file_digests(project_dir) -> dict:
    """Each runtime file's size and SHA-256, for runtime.json: the service
    worker keeps a runtime file only if it arrived with exactly these."""
    package = package_dir(project_dir)
    return {
        name: {
            "size": (package / name).stat().st_size,
            "sha256": hashlib.sha256((package / name).read_bytes()).hexdigest(),
        }
        for name in RUNTIME_FILES
    }
