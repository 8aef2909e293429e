"""Print the figures the site is held to: build times, test time, page size.

    .venv/bin/python -m tests.benchmark            # everything
    .venv/bin/python -m tests.benchmark --no-tests # builds and sizes only

Targets on a 2-core machine: cold build <= 20 s, warm rebuild <= 5 s, tests
(without a browser) <= 120 s. Figures are printed, not asserted: timings on a
shared machine vary, and a timed test would flake.
"""

import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support.interpreters import ROOT

PAGES = [
    "cs-fundamentals/memory-architecture/index.html",
    "cs-fundamentals/memory-architecture/notebook/index.html",
    "cs-fundamentals/how-python-works/index.html",
    "cs-fundamentals/how-python-works/notebook/index.html",
    "print_page/index.html",
]


def timed(command, **kwargs):
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - start


def main(arguments):
    site = Path(tempfile.mkdtemp(prefix="benchmark-site-"))
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    print(f"cold build:   {timed(build):6.1f} s   (target <= 20 s)")
    print(f"warm rebuild: {timed(build):6.1f} s   (target <= 5 s)")
    for page in PAGES:
        raw = (site / page).read_bytes()
        print(f"{page}: {len(raw) / 1024:.0f} KB raw, {len(gzip.compress(raw)) / 1024:.0f} KB gzip (HTML only)")
    shutil.rmtree(site)
    if "--no-tests" not in arguments:
        seconds = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
        print(f"test suite:   {seconds:6.1f} s   (target <= 120 s)")


if __name__ == "__main__":
    main(sys.argv[1:])
