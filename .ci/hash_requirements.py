"""Write every pinned requirement's SHA-256 hashes into requirements*.txt, so
that pip installs exactly the files pinned (`pip install --require-hashes`).

    .venv/bin/python .ci/hash_requirements.py    # after changing a pin

The hashes are those of every file PyPI serves for the pinned version (wheels
for each platform, and the source archive), read from its simple index (PEP 691).
"""

import json
import re
import sys
import urllib.request
from pathlib import Path

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "requirements.txt", ROOT / "requirements-test.txt"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
INDEX = "https://pypi.org/simple/{}/"


def version_of(filename: str) -> Version | None:
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None


def hashes(name: str, version: str) -> list[str]:
    request = urllib.request.Request(
        INDEX.format(canonicalize_name(name)), headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    found = sorted({f["hashes"]["sha256"] for f in files if version_of(f["filename"]) == Version(version)})
    if not found:
        sys.exit(f"{name}=={version}: PyPI serves no file of this version")
    return found


def rewrite(path: Path) -> int:
    lines, pins = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith((" ", "\t")) and line.strip().startswith("--hash="):
            continue  # a hash written last time: written anew below
        pin = PIN.match(line)
        if not pin:
            lines.append(line)
            continue
        lines.append(f"{pin.group(1)}=={pin.group(2)} \\")
        found = hashes(pin.group(1), pin.group(2))
        lines.extend(
            f"    --hash=sha256:{digest}" + (" \\" if i < len(found) - 1 else "") for i, digest in enumerate(found)
        )
        pins += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pins


if __name__ == "__main__":
    for file in FILES:
        print(f"{file.name}: {rewrite(file)} pins hashed")
