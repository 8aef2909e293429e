"""Checks your answers to the "How Python Works" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked.
"""
import dis
import json
import math
import os
import pathlib
import py_compile
import re
import subprocess
import sys
import tempfile
import traceback
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TIME_LIMIT_S = float(os.environ.get("EXERCISE_TIME_LIMIT_S", 30))  # the tests shorten it
MARKER = re.compile(r"^# %% Exercise (\d+)")
RESULT_PREFIX = "@@exercise-result "


class Wrong(Exception):
    """The answer ran but is not right; the message says why and hints."""


def expect_type(value, kinds, description):
    if value is None or value is Ellipsis:
        raise Wrong("not done yet: the function returns None")
    if not isinstance(value, kinds):
        raise Wrong(f"should return {description}, but returned a {type(value).__name__}")


# --- The checks: each takes the learner's namespace and raises Wrong ---------

def double(x):
    return x * 2


def check_predict_bytecode(answers):
    predicted = answers["predict_bytecode"]()
    expect_type(predicted, list, "a list of instruction names")
    actual = [i.opname for i in dis.get_instructions(double) if i.opname != "RESUME"]
    if predicted != actual:
        raise Wrong(f"you predicted {predicted}; Python {sys.version_info[0]}.{sys.version_info[1]} "
                    f"uses {actual}. Hint: compare with the dis listings in the lesson")


def loop_example(items):
    total = 0
    for item in items:
        total += item
    return total


def check_loop_instructions(answers):
    found = answers["loop_instructions"](loop_example)
    expect_type(found, (set, frozenset), "a set of instruction names")
    actual = {i.opname for i in dis.get_instructions(loop_example)}
    if set(found) != actual:
        raise Wrong(f"missing {sorted(actual - set(found))}, extra {sorted(set(found) - actual)}. "
                    "Hint: dis.get_instructions(function) yields objects with .opname")


def check_read_pyc_header(answers):
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder, "sample.py")
        source.write_text("answer = 42\n")
        data = pathlib.Path(py_compile.compile(source, doraise=True)).read_bytes()
        stat = source.stat()
    header = answers["read_pyc_header"](data)
    expect_type(header, dict, 'a dict with "magic", "flags", "mtime" and "size"')
    expected = {
        "magic": int.from_bytes(data[:2], "little"),
        "flags": 0,
        "mtime": int(stat.st_mtime) & 0xFFFFFFFF,
        "size": stat.st_size,
    }
    for key, value in expected.items():
        if header.get(key) != value:
            raise Wrong(f'header["{key}"] is {header.get(key)!r}, expected {value}. '
                        "Hint: int.from_bytes(data[start:end], 'little')")


def check_safe_counter(answers):
    threads, rounds = 4, 20_000
    for _ in range(2):  # a race may hide once; twice is convincing
        count = answers["safe_counter"](threads, rounds)
        expect_type(count, int, "an int")
        if count != threads * rounds:
            raise Wrong(f"counted {count:,} of {threads * rounds:,}: updates were lost. "
                        "Hint: hold a threading.Lock while you read and write the counter")


def check_run_in_pool(answers):
    inputs = [10**6, 10**8, 10**10, 10**12]
    for pool_class in (ThreadPoolExecutor, ProcessPoolExecutor):
        outcome = answers["run_in_pool"](pool_class, math.isqrt, inputs)
        expect_type(outcome, tuple, "a tuple (results, seconds)")
        if len(outcome) != 2:
            raise Wrong(f"should return 2 things (results, seconds), returned {len(outcome)}")
        results, seconds = outcome
        if list(results) != [math.isqrt(n) for n in inputs]:
            raise Wrong(f"with {pool_class.__name__} the results were {results!r}. "
                        "Hint: pool.map(task, inputs) keeps the input order")
        expect_type(seconds, float, "the seconds as a float (time.perf_counter() differences are)")


def check_circular_import(answers):
    choice = answers["circular_import"]()
    expect_type(choice, str, 'one of "a", "b", "c" or "d"')
    if choice.strip().lower() != "b":
        raise Wrong(f'"{choice}" is not it. Hint: when does import put a module in sys.modules?')


EXERCISES = {
    1: ("predict the bytecode", check_predict_bytecode),
    2: ("the instructions a loop uses", check_loop_instructions),
    3: ("read a .pyc header", check_read_pyc_header),
    4: ("fix a race", check_safe_counter),
    5: ("time threads against processes", check_run_in_pool),
    6: ("explain a circular import", check_circular_import),
}


# --- Running one exercise in isolation ---------------------------------------

def exercise_source(lines, number):
    """The file with every other exercise blanked out, line numbers kept."""
    current, kept = None, []
    for line in lines:
        match = MARKER.match(line)
        if match:
            current = int(match.group(1))
        kept.append(line if current in (None, number) else "")
    return "\n".join(kept) + "\n"


def where(path, error):
    """'line N' of the learner's file where an exception was raised, if any."""
    lines = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == str(path)]
    return f" (line {lines[-1]})" if lines else ""


def check_one(path, number):
    """Run in a child process: returns (passed, message)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not any(MARKER.match(line) and int(MARKER.match(line).group(1)) == number for line in lines):
        return False, f"the '# %% Exercise {number}' line is missing from {path.name}"
    try:
        code = compile(exercise_source(lines, number), str(path), "exec")
    except SyntaxError as error:
        return False, f"syntax error on line {error.lineno}: {error.msg}"
    answers = {"__name__": "answers"}
    check = EXERCISES[number][1]
    try:
        exec(code, answers)
        check(answers)
    except Wrong as wrong:
        return False, str(wrong)
    except KeyError as missing:
        return False, f"the function {missing} is missing"
    except Exception as error:  # the learner's code raised: say what, and where
        return False, f"raised {type(error).__name__}: {error}{where(path, error)}"
    return True, ""


def run_isolated(path, number):
    try:
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(number), str(path)],
            capture_output=True, text=True, timeout=TIME_LIMIT_S, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return False, f"still running after {TIME_LIMIT_S} s: is there an endless loop?"
    for line in reversed(child.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return tuple(json.loads(line[len(RESULT_PREFIX):]))
    return False, "stopped before finishing (did the code call exit()?)"


def main(arguments):
    if arguments[:1] == ["--one"]:
        passed, message = check_one(pathlib.Path(arguments[2]).resolve(), int(arguments[1]))
        print(RESULT_PREFIX + json.dumps([passed, message]))
        return 0
    path = pathlib.Path(arguments[0] if arguments else pathlib.Path(__file__).with_name("answers.py"))
    if not path.is_file():
        print(f"Cannot find {path}: write your answers there, or name the file to check.")
        return 2
    version = ".".join(map(str, sys.version_info[:3]))
    print(f"Checking {path.name} with Python {version}")
    passed_count = 0
    for number, (title, _) in EXERCISES.items():
        passed, message = run_isolated(path.resolve(), number)
        passed_count += passed
        print(f"  {'PASS' if passed else 'FAIL'}  {number}. {title}" + ("" if passed else f": {message}"))
    print(f"{passed_count} of {len(EXERCISES)} exercises pass.")
    return 0 if passed_count == len(EXERCISES) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
