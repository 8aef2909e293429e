"""What exercise_checker.py tells a learner when their answer goes wrong in
an unusual way: each message names what happened and, where it can, the line."""

import importlib.util

import pytest

from course.interpreters import ROOT

spec = importlib.util.spec_from_file_location("exercise_checker", ROOT / "snippets/cs-fundamentals/exercise_checker.py")
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)


def calls_total(answers):
    result = answers["total"]([1, 2])
    checker.expect_type(result, int, "a whole number")
    if result != 3:
        raise checker.Wrong("total([1, 2]) should be 3")


ANSWERS = {
    "a KeyError raised by the answer itself": (
        "def total(numbers):\n    return {}['sum']\n",
        "raised KeyError: 'sum' (line 2)",
    ),
    "the function the check looks for is not there": (
        "def add(numbers):\n    return 3\n",
        "the function 'total' is missing",
    ),
    "a value of the wrong type": (
        "def total(numbers):\n    return b'3'\n",
        "should return a whole number, but returned a bytes",
    ),
    "nothing returned yet": ("def total(numbers):\n    pass\n", "not done yet: the function returns None"),
    "sys.exit with a message": (
        "import sys\nsys.exit('done')\n",
        "called sys.exit('done') (line 2): an answer returns, it does not exit",
    ),
    "an exception that is not an Exception": (
        "class Stop(BaseException):\n    pass\n\ndef total(numbers):\n    raise Stop('here')\n",
        "raised Stop: here (line 5)",
    ),
}


@pytest.mark.parametrize("source, message", ANSWERS.values(), ids=ANSWERS.keys())
def test_an_answer_that_fails_unusually_gets_a_message_naming_what_happened(source, message):
    assert checker.check_source(calls_total, source, "your code") == (False, message)
