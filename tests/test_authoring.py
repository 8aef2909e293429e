"""A course author's path, as the README gives it: in a copy of the project,
`python -m course new` scaffolds a lesson, the author adds snippets to it,
`python -m course record` records their outputs on every build,
`python -m course links` publishes the new sections, and
`python -m course check` passes, with no file edited outside the lesson's own
and the nav."""

import hashlib
import shutil
import subprocess
import sys

from course.interpreters import ROOT

LESSON = "cs-fundamentals/scopes"
COPIED = ("docs", "snippets", "theme", "hooks", "course", "tests", ".cache")
OWN = (
    f"docs/{LESSON}/",
    f"snippets/{LESSON}/",
    "tests/cs-fundamentals/test_scopes.py",
    f"tests/published-links/{LESSON}/",
)
# What the commands may change besides the lesson's own files.
SHARED = {"mkdocs.yml"}

LOCAL = "def counter():\n    count = 0\n    def bump():\n        nonlocal count\n        count += 1\n        return count\n    return bump\n\n\nbump = counter()\nbump()\nprint('count is', bump())\n"
LATE = "adders = [lambda x: x + i for i in range(3)]\nprint('late binding:', [add(10) for add in adders])\n"


def course(project, *arguments):
    done = subprocess.run(
        [sys.executable, "-m", "course", *arguments], cwd=project, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"python -m course {' '.join(arguments)}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return done.stdout


def fingerprints(project):
    """Every file's content hash, by its path in the project."""
    return {
        path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in project.rglob("*")
        if path.is_file() and not path.is_symlink() and not {"__pycache__", ".cache", ".pytest_cache"} & set(path.parts)
    }


def test_a_new_lesson_passes_its_checks_with_only_the_documented_commands(tmp_path):
    project = tmp_path / "project"
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, project / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "pyproject.toml", "CITATION.cff"):
        shutil.copy(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    before = fingerprints(project)

    course(project, "new", LESSON, "Scopes and Closures")
    # The author adds two snippets and shows them on the page.
    snippets = project / "snippets" / LESSON
    (snippets / "closure_counter.py").write_text(LOCAL, encoding="utf-8")
    (snippets / "late_binding.py").write_text(LATE, encoding="utf-8")
    page = project / "docs" / LESSON / "index.md"
    text = page.read_text(encoding="utf-8")
    more = (
        f"## Closures {{ #closures }}\n\nA closure keeps its variables.\n\n::snippet[{LESSON}/closure_counter.py]\n\n"
        f"Names are looked up when the function runs.\n\n::snippet[{LESSON}/late_binding.py]\n\n"
    )
    page.write_text(text.replace("## Try it out", more + "## Try it out"), encoding="utf-8")

    course(project, "record", LESSON)
    assert (snippets / "output/late_binding/3.15.txt").read_text(encoding="utf-8") == "late binding: [12, 12, 12]\n"
    course(project, "links")
    course(project, "check", LESSON)
    # check runs the lesson's own test file, whole (its -k once matched none of it).
    selected = course(project, "check", LESSON, "--collect-only", "-n0")  # check passes -q: test ids
    assert "test_first_look_prints_the_total_on_every_build" in selected, selected[-2000:]

    after = fingerprints(project)
    changed = {path for path in after if before.get(path) != after[path]} | (set(before) - set(after))
    outside = sorted(path for path in changed - SHARED if not path.startswith(OWN))
    assert not outside, f"the commands changed files outside the lesson and the nav: {outside}"
    links = (project / f"tests/published-links/{LESSON}/links.txt").read_text(encoding="utf-8")
    assert f"/{LESSON}/#closures" in links
