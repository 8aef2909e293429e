"""The course author's commands:

python -m course new <module>/<lesson> "Title" [--after <module>/<lesson>]
                                                scaffold a lesson and its nav entry (after
                                                the module's last lesson, or after the one named)
python -m course record [NAME ...]              record what snippets print, on every build
python -m course check <module>/<lesson> [PYTEST OPTION ...]
                                                the fast checks of one lesson
python -m course links                          add new pages and sections to the published links
"""

import importlib.util
import subprocess
import sys

from course import figures, published_links, scaffold
from course.interpreters import ROOT

TEST_SETUP = ".venv/bin/pip install --require-hashes --no-deps -r requirements-test.txt"


def pytest(*arguments: str) -> int:
    if importlib.util.find_spec("pytest") is None:  # the serve setup installs only the site's packages
        print(
            f"python -m course needs the test tools, which the serve setup leaves out: run\n  {TEST_SETUP}",
            file=sys.stderr,
        )
        return 1
    return subprocess.run([sys.executable, "-m", "pytest", *arguments], cwd=ROOT).returncode


def record(names: list[str]) -> int:
    """Runs every chosen snippet (a NAME is any part of `<module>/<lesson>/<name>`)
    on every build through the snippet test, writing what each prints; then
    redraws the figures drawn from outputs. Fails, naming the build, when one
    cannot run here or is not the build course/builds.py describes."""
    selection = ["-k", " or ".join(names)] if names else []
    status = pytest("tests/test_snippets.py::test_snippet_prints_stored_output", "--record", "-q", *selection)
    if status == 0:
        figures.redraw()
    return status


def check(lesson: str, options: list[str]) -> int:
    """Everything about one lesson that needs no browser: its snippets on every
    build, its page built, its outputs' build labels, its contract, exercises
    and claims (its own test file, whole)."""
    module, _, name = lesson.partition("/")
    own_tests = ROOT / "tests" / module / f"test_{name.replace('-', '_')}.py"
    return pytest(
        "tests/test_snippets.py",
        "tests/test_builds.py",
        "tests/test_lessons.py",
        "tests/test_practice.py",
        str(own_tests),
        "-q",
        "-k",
        # The shared tests name the lesson in their ids; the lesson's own file by
        # its module name, which every test in it carries as a keyword.
        f"{lesson} or {name} or {own_tests.stem}",
        *options,
    )


def main(arguments: list[str]) -> int:
    command, rest = (arguments[0], arguments[1:]) if arguments else ("help", [])
    if command == "record":
        return record(rest)
    if command == "links" and not rest:
        return published_links.main()
    if command == "check" and rest:
        return check(rest[0], rest[1:])
    if command == "new" and len(rest) == 2:
        return scaffold.main(*rest)
    if command == "new" and len(rest) == 4 and rest[2] == "--after":
        return scaffold.main(rest[0], rest[1], after=rest[3])
    print(__doc__, file=sys.stderr)
    return 0 if command in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
