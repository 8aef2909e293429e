"""The stepper shows what CPython computed: on every build the site serves
(Pyodide, as the page runs it) and on native CPython 3.11-3.13, each program
below is stepped through to its end, and tests/support/stepper_check.py finds
no step whose stack depth disagrees with `dis.stack_effect` and, natively, no
slot whose value is not the object in CPython's own value stack."""

import json

import pytest

from course import interpreters, runtime
from tests.support import stepper
from tests.support.explorer import require_runtimes
from tests.support.skips import require_version

# What beginners write, and what each prints. "walk" is stepped through in the
# browser too (tests/browser/test_explorer.py).
WALK = """def make_counter(start):
    count = [start]
    def bump(by):
        count[0] += by
        return count[0]
    return bump

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

bump = make_counter(10)
ages = {"ada": 36}
for name in ["ada", "bob"]:
    try:
        ages[name] += bump(1)
    except KeyError:
        ages[name] = depth(2)
print(ages)
"""
PROGRAMS = {
    "walk": (WALK, "{'ada': 47, 'bob': 2}\n"),
    "branch": ("a = 2\nb = a * 3 + 1\nif b > 5:\n    c = b - a\nelse:\n    c = 0\nprint(c)\n", "5\n"),
    "loops": (
        "total = 0\nfor x in [1, 2, 3]:\n    total = total + x\nn = 0\nwhile n < 3:\n    n += 1\nprint(total, n)\n",
        "6 3\n",
    ),
    "recursion": (
        "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(4))\n",
        "24\n",
    ),
    "list and dict": (
        "xs = [1, 2]\nys = xs\nys.append(3)\nd = {'a': xs}\nd['b'] = len(xs)\nprint(d['a'][0], d)\n",
        "1 {'a': [1, 2, 3], 'b': 3}\n",
    ),
    "closure": (
        "def make(k):\n    def add(x):\n        return x + k\n    return add\nadd3 = make(3)\nprint(add3(4))\n",
        "7\n",
    ),
    "caught": (
        "def risky(x):\n    return 10 // x\ntry:\n    r = risky(0)\nexcept ZeroDivisionError as e:\n    r = -1\nprint(r)\n",
        "-1\n",
    ),
    "attributes": (
        "class P:\n    def __init__(self, x):\n        self.x = x\n    def double(self):\n        return self.x * 2\n"
        "p = P(4)\nprint(p.double(), p.x)\n",
        "8 4\n",
    ),
    "generator": (
        "def count(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\n"
        "for v in count(2):\n    print(v)\nprint(sum(count(3)))\n",
        "0\n1\n3\n",
    ),
    "uncaught": ("def f(x):\n    return x[5]\nprint(f([1]))\n", ""),
    "comprehension": ("squares = [x * x for x in range(3)]\nprint(squares)\n", "[0, 1, 4]\n"),
    "swap": ("a, b = 1, 2\na, b = b, a\nprint(a, b)\n", "2 1\n"),
    # Each of these once showed a wrong depth or value (a review against CPython's stack).
    "raise caught at once": (
        'try:\n    raise ValueError("v")\nexcept ValueError as e:\n    print("caught", e)\n',
        "caught v\n",
    ),
    "re-raised": (
        'try:\n    try:\n        raise KeyError("k")\n    except KeyError:\n        raise\n'
        "except Exception as e:\n    print('got', repr(e))\n",
        "got KeyError('k')\n",
    ),
    "raise from, finally": (
        "def f():\n    try:\n        try:\n            1 / 0\n        except ZeroDivisionError as e:\n"
        '            raise ValueError("bad") from e\n    finally:\n        print("cleanup")\n'
        "try:\n    f()\nexcept ValueError as e:\n    print(repr(e), repr(e.__cause__))\n",
        "cleanup\nValueError('bad') ZeroDivisionError('division by zero')\n",
    ),
    "key function": ("def double(x):\n    return x * 2\nprint(max([3, 1, 2], key=double))\n", "3\n"),
    "super": (
        "class A:\n    def __init__(self, x):\n        self.x = x\n"
        "class B(A):\n    def __init__(self):\n        super().__init__(5)\nprint(B().x)\n",
        "5\n",
    ),
    "yield from": (
        "def inner():\n    yield 1\n    return 2\ndef outer():\n    r = yield from inner()\n    yield r\n"
        "print(list(outer()))\n",
        "[1, 2]\n",
    ),
    "comprehension shadows a global": (
        "x = 10\nsquares = [x * x for x in range(3)]\nprint(x, squares)\n",
        "10 [0, 1, 4]\n",
    ),
    "star unpacking": ("first, *middle, last = [1, 2, 3, 4]\nprint(first, middle, last)\n", "1 [2, 3] 4\n"),
    "generator closed": (
        "def g():\n    yield 1\n    yield 2\nfor v in g():\n    break\nh = g()\nnext(h)\nh.close()\nprint(v)\n",
        "1\n",
    ),
    "generator expression": ("print(sum(i for i in range(3)))\n", "3\n"),
    "with": (
        "class C:\n    def __enter__(self):\n        return 1\n    def __exit__(self, *a):\n        return False\n"
        "with C() as c:\n    print(c)\n",
        "1\n",
    ),
}
NATIVE = ("3.11", "3.12", "3.13")
BUILDS = [f"{series} Pyodide" for series in runtime.PACKAGES] + [f"{series} native" for series in NATIVE]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The checker's report of each program, by build."""
    path = tmp_path_factory.mktemp("stepper") / "stepped.py"
    path.write_text(stepper.program([source for source, _ in PROGRAMS.values()]), encoding="utf-8")
    return path


def reports_on(build, path):
    series, kind = build.split()
    if kind == "native":
        require_version(series)
        run = interpreters.run_native(interpreters.find_native(series), path)
    else:
        require_runtimes()
        run = interpreters.run_pyodide([path], series)[path]
    assert run.ok, run.output[-3000:]
    found = stepper.reports(run.output)
    assert len(found) == len(PROGRAMS), run.output[-3000:]
    return dict(zip(PROGRAMS, found))


@pytest.mark.parametrize("build", BUILDS)
def test_every_step_agrees_with_cpython(build, checked):
    for name, report in reports_on(build, checked).items():
        source, printed = PROGRAMS[name]
        assert report["ended"] == ("raised" if name == "uncaught" else "ok"), name
        assert report["printed"] == printed, name
        assert report["steps"] > 5, name
        assert not report["problems"], f"{name} on {build}:\n" + "\n".join(report["problems"][:20])
        assert report["values_shown"] > 2, f"{name}: the stepper showed almost no values"
        if build.endswith("native"):
            assert report["reads_stack"] and report["values_checked"] == report["values_shown"], name


def stepper_here():
    """The stepper in this Python, with driver.py's globals, as in the worker."""
    namespace = {"__name__": "stepper"}
    exec(stepper.DRIVER_PY.read_text(encoding="utf-8"), namespace)
    exec(stepper.STEPPER_PY.read_text(encoding="utf-8"), namespace)
    return namespace["step"]


def test_an_endless_loop_stops_at_the_step_limit():
    trace = json.loads(stepper_here()("n = 0\nwhile True:\n    n += 1\n", 300))
    assert trace["ended"] == "limit" and len(trace["steps"]) == 300
    assert trace["message"] == "Stopped after 300 steps: the stepper records at most that many."


def test_code_that_does_not_compile_has_no_steps_and_says_why():
    trace = json.loads(stepper_here()("if x\n"))
    assert trace["ended"] == "syntax" and trace["steps"] == []
    assert trace["message"].startswith('File "<explorer>", line 1') and "SyntaxError" in trace["message"]
