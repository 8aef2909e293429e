"""Runs a lesson's exercise checks, each in its own process with a time limit.

A lesson's try-it/exercises.py defines its checks and calls main(). Each
exercise in the learner's file starts at a line `# %% Exercise N`; the checker
compiles and runs one exercise at a time, so a syntax error, an exception or an
endless loop in one exercise is reported in one line and the others still run.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import traceback

TIME_LIMIT_S = float(os.environ.get("EXERCISE_TIME_LIMIT_S", 30))  # the tests shorten it
MARKER = re.compile(r"^# %% Exercise (\d+)")
RESULT_PREFIX = "@@exercise-result "
STOPPED_EARLY = "stopped before finishing (did the code call exit()?)"
TIMED_OUT = "still running after {seconds:g} s: is there an endless loop?"  # the in-page runner says the same


class Wrong(Exception):
    """The answer ran but is not right; the message says why, with a hint."""


def expect_type(value, kinds, description):
    if value is None or value is Ellipsis:
        raise Wrong("not done yet: the function returns None")
    if not isinstance(value, kinds):
        raise Wrong(f"should return {description}, but returned a {type(value).__name__}")


def exercise_source(lines, number):
    """The file with every other exercise blanked out, line numbers kept."""
    current, kept = None, []
    for line in lines:
        match = MARKER.match(line)
        if match:
            current = int(match.group(1))
        kept.append(line if current in (None, number) else "")
    return "\n".join(kept) + "\n"


def where(filename, error):
    """' (line N)' of the learner's code where an exception was raised, if any."""
    lines = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    return f" (line {lines[-1]})" if lines else ""


def check_one(check, path, number):
    """Runs in a child process: returns (passed, message)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not any((m := MARKER.match(line)) and int(m.group(1)) == number for line in lines):
        return False, f"the '# %% Exercise {number}' line is missing from {path.name}"
    return check_source(check, exercise_source(lines, number), str(path))


def check_source(check, source, filename, preamble=""):
    """Run one exercise's code, then its check: (passed, message).

    The in-page runner calls this directly, in the browser's Python, with the
    editor's code as `source` and the answers file's imports as `preamble`, so
    that line numbers are those the learner sees."""
    try:
        code = compile(source, filename, "exec")
    except SyntaxError as error:
        return False, f"syntax error on line {error.lineno}: {error.msg}"
    answers = {"__name__": "answers"}
    try:
        exec(preamble, answers)
        exec(code, answers)
        check(answers)
    except Wrong as wrong:
        return False, str(wrong)
    except KeyError as missing:
        if where(filename, missing):  # raised in the learner's code, not by the check's lookup
            return False, f"raised KeyError: {missing}{where(filename, missing)}"
        return False, f"the function {missing} is missing"
    except SystemExit as exit_:
        return False, f"called sys.exit({exit_.code!r}){where(filename, exit_)}: an answer returns, it does not exit"
    except BaseException as error:  # the learner's code raised: say what, and where
        return False, f"raised {type(error).__name__}: {error}{where(filename, error)}"
    return True, ""


def run_isolated(exercises_file, path, number):
    try:
        child = subprocess.run(
            [sys.executable, exercises_file, "--one", str(number), str(path)],
            capture_output=True, text=True, timeout=TIME_LIMIT_S, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return False, TIMED_OUT.format(seconds=TIME_LIMIT_S)
    for line in reversed(child.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return tuple(json.loads(line[len(RESULT_PREFIX):]))
    return False, STOPPED_EARLY


def main(exercises, exercises_file, arguments):
    """`exercises` maps a number to (title, check); returns the exit code."""
    if arguments[:1] == ["--one"]:
        number = int(arguments[1])
        passed, message = check_one(exercises[number][1], pathlib.Path(arguments[2]).resolve(), number)
        print(RESULT_PREFIX + json.dumps([passed, message]))
        return 0
    path = pathlib.Path(arguments[0]) if arguments else pathlib.Path(exercises_file).with_name("answers.py")
    if not path.is_file():
        print(f"Cannot find {path}: write your answers there, or name the file to check.")
        return 2
    version = ".".join(map(str, sys.version_info[:3]))
    print(f"Checking {path.name} with Python {version}")
    passed_count = 0
    for number, (title, _) in exercises.items():
        passed, message = run_isolated(exercises_file, path.resolve(), number)
        passed_count += passed
        print(f"  {'PASS' if passed else 'FAIL'}  {number}. {title}" + ("" if passed else f": {message}"))
    print(f"{passed_count} of {len(exercises)} exercises pass.")
    return 0 if passed_count == len(exercises) else 1
