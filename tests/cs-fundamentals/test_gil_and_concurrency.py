"""The lesson "The GIL and Concurrency": what its text claims, checked against
the stored outputs. (What every lesson must do is in tests/test_lessons.py.)"""

import re
import subprocess

import pytest

from course import interpreters
from course.interpreters import NATIVE_VERSIONS, ROOT, VERSIONS
from tests.support.probes import exercise_verdict, run_on
from tests.support.skips import require_version

PAGE = ROOT / "docs/cs-fundamentals/gil-and-concurrency/index.md"
LESSON = ROOT / "snippets/cs-fundamentals/gil-and-concurrency"
OUTPUT = LESSON / "output"
EXAMPLES = LESSON / "try-it/examples.py"


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("version", VERSIONS)
def test_build_and_run_time_gil_are_told_apart(version):
    text = printed("switch_interval", version)
    assert "free-threaded build (Py_GIL_DISABLED): False" in text
    assert ("GIL enabled right now: True" in text) == (version not in ("3.11", "3.12"))


def test_free_threaded_build_can_turn_the_gil_back_on():
    text = page_text()
    for needed in (
        "PYTHON_GIL=1",
        'sysconfig.get_config_var("Py_GIL_DISABLED")',
        "sys._is_gil_enabled()",
        "not declared itself safe without the GIL turns the GIL back on",
    ):
        assert needed in text, needed
    assert "No GIL; single-threaded code" not in text
    examples = EXAMPLES.read_text(encoding="utf-8")
    assert 'in this build:", sys._is_gil_enabled()' not in examples
    assert 'get_config_var("Py_GIL_DISABLED")' in examples and "GIL enabled right now:" in examples


@pytest.mark.parametrize("version", VERSIONS)
def test_the_switch_interval_is_5_ms_on_every_build(version):
    """The text says 5 ms; the checkpoint on the snippet asks for it in seconds."""
    assert printed("switch_interval", version).startswith("switch interval: 0.005 seconds\n")
    assert "5 ms by default" in page_text()


# --- Measured outputs support the text ----------------------------------------------


def seconds(snippet_output, label):
    return float(re.search(rf"^{re.escape(label)}\s+(\d+\.\d+) s$", snippet_output, re.MULTILINE).group(1))


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_gil_timings_support_what_the_text_says(version):
    """CPU-bound: threads no faster than one after another, processes faster; I/O: threads faster."""
    out = printed("gil_timings", version)
    assert seconds(out, "CPU, 4 processes") < 0.8 * seconds(out, "CPU, one after another")
    assert seconds(out, "CPU, 4 threads") > 0.8 * seconds(out, "CPU, one after another")
    assert seconds(out, "I/O, 4 threads") < 0.5 * seconds(out, "I/O, one after another")


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_race_snippet_really_lost_updates(version):
    out = printed("gil_race", version)
    assert "unsafe: lost updates? yes" in out and "safe: lost updates? no" in out


def test_further_reading_cites_the_free_threading_peps():
    reading = PAGE.read_text(encoding="utf-8").split("{ #further-reading }")[1]
    for source in ("PEP 703", "PEP 779", "free-threading"):
        assert source in reading, source


# The main thread starts a thread that spins in pure Python, then wants the GIL
# back: it gets it once it has waited one switch interval (0.5 s here).
WAIT_FOR_THE_GIL = """import sys, threading, time
sys.setswitchinterval(0.5)
done = False
def spin():
    end = time.monotonic() + 10
    while not done and time.monotonic() < end:
        pass
spinner = threading.Thread(target=spin)
started = time.monotonic()
spinner.start()
waited = time.monotonic() - started
done = True
spinner.join()
print(waited)
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_the_holder_is_asked_to_drop_the_gil_once_another_has_waited_an_interval(version, tmp_path):
    """A lower bound only, which a loaded machine cannot break: the spinner is
    not interrupted before the waiting thread has waited the interval, and is
    interrupted then (long before its 10 s are up)."""
    waited = float(run_on(version, WAIT_FOR_THE_GIL, tmp_path))
    assert 0.45 <= waited < 9, waited
    text = page_text()
    assert "Once it has waited one *switch interval*" in text and "is asked to drop it every" not in text
    assert "a waiting thread holds no lock" not in text


# --- The exercises, fed the wrong answers a learner might give --------------------

WRONG_ANSWERS = {
    1: {
        "no lock": "def deposit(account, amount):\n    account.balance += amount\n",
        "a long switch interval instead of a lock": (
            "sys.setswitchinterval(1000)\n\n"
            "def deposit(account, amount):\n    account.balance = account.balance + amount\n"
        ),
        "a new lock on every call": (
            "def deposit(account, amount):\n    with threading.Lock():\n"
            "        account.balance = account.balance + amount\n"
        ),
    },
    2: {
        "no pool, no timing": "def run_in_pool(pool_class, task, inputs):\n    return [task(i) for i in inputs], 0.0\n",
        "a pool, no timing": (
            "def run_in_pool(pool_class, task, inputs):\n    with pool_class() as pool:\n"
            "        return list(pool.map(task, inputs)), 0.0\n"
        ),
        "timing only the pool's start": (
            "def run_in_pool(pool_class, task, inputs):\n    start = time.perf_counter()\n"
            "    pool = pool_class()\n    seconds = time.perf_counter() - start\n"
            "    results = list(pool.map(task, inputs))\n    pool.shutdown()\n    return results, seconds\n"
        ),
    },
    3: {
        "a comprehension of awaits": (
            "async def fetch(i):\n    await asyncio.sleep(0.1)\n    return i * i\n\n"
            "async def fetch_all(n):\n    return [await fetch(i) for i in range(n)]\n"
        ),
        "a task awaited as soon as it is made": (
            "async def fetch(i):\n    await asyncio.sleep(0.1)\n    return i * i\n\n"
            "async def fetch_all(n):\n    results = []\n    for i in range(n):\n"
            "        results.append(await asyncio.create_task(fetch(i)))\n    return results\n"
        ),
        "together, but a set": (
            "async def fetch(i):\n    await asyncio.sleep(0.1)\n    return i * i\n\n"
            "async def fetch_all(n):\n    return list(set(await asyncio.gather(*map(fetch, range(n)))))\n"
        ),
    },
}


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
@pytest.mark.parametrize("number, case", [(n, case) for n, cases in WRONG_ANSWERS.items() for case in cases])
def test_the_exercise_checks_fail_wrong_answers(version, number, case, tmp_path):
    require_version(version)
    python = interpreters.find_native(version)
    imports = "import asyncio\nimport sys\nimport threading\nimport time\n"
    said = exercise_verdict(LESSON / "try-it", number, WRONG_ANSWERS[number][case], tmp_path, python, imports)
    assert said.startswith("FAIL") and "Hint: " in said, said


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_the_reference_solutions_pass(version):
    require_version(version)
    done = subprocess.run(
        [interpreters.find_native(version), LESSON / "try-it/exercises.py", LESSON / "try-it/solutions.py"],
        capture_output=True,
        text=True,
        timeout=120,
        env=interpreters.CLEAN_ENV,
    )
    assert "4 of 4 exercises pass." in done.stdout, done.stdout


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_asyncio_waits_together_and_computes_in_turn(version):
    out = printed("asyncio_measured", version)
    ratio = {name: float(x) for name, x in re.findall(r"^(.+): ([\d.]+)x$", out, re.MULTILINE)}
    assert ratio["asyncio, one thread"] < 3, "1,000 waits on one thread take about one wait's time"
    assert ratio["100 threads"] >= 9.5, "100 threads need ten rounds of 0.1 s waits"
    assert "sleep_briefly: start A, start B, start C, end A, end B, end C\n" in out
    assert "count_down: start A, end A, start B, end B, start C, end C\n" in out


GIL_STATE_WRONG = {
    "the state only": "def gil_state(disabled, enabled_now):\n    return 'free-threaded, GIL on' if enabled_now else 'free-threaded, GIL off'\n",
    "the build only": "def gil_state(disabled, enabled_now):\n    return 'free-threaded, GIL off' if disabled else 'GIL build'\n",
}


@pytest.mark.parametrize("case", GIL_STATE_WRONG)
def test_the_gil_state_check_fails_wrong_answers(case, tmp_path):
    said = exercise_verdict(LESSON / "try-it", 4, GIL_STATE_WRONG[case], tmp_path)
    assert said.startswith("FAIL") and "Hint: " in said, said
