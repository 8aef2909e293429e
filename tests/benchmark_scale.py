"""How the test suite grows with the course: a copy of the project grown to N
lessons with the author's commands, and the whole suite timed there.

    .venv/bin/python -m tests.benchmark_scale 20     # 20 lessons in all (default)

Each added lesson is the scaffold (`python -m course new`): a page, a snippet
recorded on every build, an exercise and a checkpoint. The copy lives in a
temporary folder and is deleted afterwards; the project is not touched.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

from course import lessons
from course.interpreters import ROOT


def copy_tracked(project: Path) -> None:
    """Every file git tracks, as a fresh clone has it, and the notebooks' execution cache."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if name and (ROOT / name).exists():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name, follow_symlinks=False)
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", project / ".cache")


def run(project, *command, **kwargs):
    started = time.monotonic()
    done = subprocess.run(command, cwd=project, **kwargs)
    return done.returncode, time.monotonic() - started


def grow(project: Path, total: int) -> int:
    """Scaffolds lessons until the copy has `total`; returns how many it added."""
    added = total - len(lessons.discover())
    for number in range(1, added + 1):
        name = f"cs-fundamentals/scale-{number:02d}"
        code, _ = run(
            project, sys.executable, "-m", "course", "new", name, f"Scale Lesson {number}", stdout=subprocess.DEVNULL
        )
        assert code == 0, f"scaffolding {name} failed"
    code, seconds = run(project, sys.executable, "-m", "course", "record", "scale-", stdout=subprocess.DEVNULL)
    assert code == 0, "recording the new lessons failed"
    print(f"recorded {added} new lessons' outputs on every build in {seconds:.0f} s")
    code, _ = run(project, sys.executable, "-m", "course", "links", stdout=subprocess.DEVNULL)
    assert code == 0, "publishing the new lessons' links failed"
    return added


def slowest(report: Path, count: int = 15) -> list[tuple[str, float, int]]:
    """The test functions that took longest, all their parameters summed, from
    pytest's JUnit XML: (module::function, seconds, cases)."""
    seconds, cases = Counter(), Counter()
    for case in ElementTree.parse(report).iter("testcase"):
        name = f"{case.get('classname')}::{case.get('name', '').split('[')[0]}"
        seconds[name] += float(case.get("time", 0))
        cases[name] += 1
    return [(name, total, cases[name]) for name, total in seconds.most_common(count)]


def main(arguments):
    total = int(arguments[0]) if arguments else 20
    with tempfile.TemporaryDirectory(prefix="scale-") as folder:
        project = Path(folder) / "main"
        copy_tracked(project)
        (project / "node_modules").symlink_to(ROOT / "node_modules")
        added = grow(project, total)
        env = {**os.environ, "CI": "true"}
        report = Path(folder) / "report.xml"
        code, seconds = run(
            project, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}", env=env
        )
        print("slowest tests (seconds summed over their cases, across both workers):")
        for name, spent, cases in slowest(report):
            print(f"  {spent:7.0f} s  {cases:4d} cases  {name}")
    print(
        f"suite with {total} lessons ({added} scaffolded): {seconds / 60:.1f} min, exit {code}, "
        f"on {os.cpu_count()} cores; {seconds / total:.0f} s a lesson on average"
    )
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
