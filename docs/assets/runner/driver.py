"""Runs a snippet inside Pyodide the way `python snippet.py` would.

One driver for both places Pyodide runs the site's code: the tests, under Node
(course/run_in_pyodide.mjs), and a reader's browser, in a Web Worker
(worker.js). What the tests record is what a reader's Run prints.
Evaluated as a script; its last expression is the function the caller keeps.

Runs share one interpreter (starting a new one takes seconds), so each starts
from the state the interpreter had before it: whatever one run changes in a
module, the builtins, the interpreter's settings or its folder is put back.
"""

import builtins
import contextlib
import gc
import io
import linecache
import os
import shutil
import sys
import traceback
import warnings

WORKDIR = "/tmp/snippet"  # the run's current folder, emptied before each run
# A default recursion limit (1,000) gives tracebacks shorter than this.
DEEPEST_TRACEBACK = 5_000
SHOWN_OF_A_DEEP_TRACEBACK = 20


class _Stream:
    """A text stream that hands each write to `write` (a JavaScript callback in the browser)."""

    def __init__(self, write):
        self.write_text = write

    def write(self, text):
        self.write_text(text)
        return len(text)

    def flush(self):
        pass


class _Restored:
    """Notes the interpreter's state on entry and puts it back on exit."""

    def __enter__(self):
        # Each module's namespace, copied: a run that replaces `print` or
        # patches a module changes a namespace, and the copy undoes that.
        self.modules = dict(sys.modules)
        self.namespaces = [
            (vars(module), dict(vars(module))) for module in self.modules.values() if _has_namespace(module)
        ]
        self.path, self.environ = list(sys.path), dict(os.environ)
        self.filters = list(warnings.filters)
        self.limit, self.interval = sys.getrecursionlimit(), sys.getswitchinterval()
        self.gc = gc.isenabled(), gc.get_threshold()
        self.monitoring = _monitoring_tools()
        return self

    def __exit__(self, *exception):
        sys.setrecursionlimit(self.limit)  # first: the rest must not hit a lowered limit
        sys.settrace(None)
        sys.setprofile(None)
        for tool in _monitoring_tools() - self.monitoring:
            sys.monitoring.set_events(tool, 0)
            sys.monitoring.free_tool_id(tool)
        _put_back(sys.modules, self.modules)
        for namespace, saved in self.namespaces:
            _put_back(namespace, saved)
        sys.path[:] = self.path
        os.environ.clear()
        os.environ.update(self.environ)
        warnings.filters[:] = self.filters
        sys.setswitchinterval(self.interval)
        (gc.enable if self.gc[0] else gc.disable)()
        gc.set_threshold(*self.gc[1])
        if sys.modules.get("tracemalloc") and sys.modules["tracemalloc"].is_tracing():
            sys.modules["tracemalloc"].stop()
        return False


def _put_back(namespace, saved):
    """Make `namespace` hold what `saved` held, touching only what changed."""
    for key in [key for key in namespace if key not in saved]:
        del namespace[key]
    for key, value in saved.items():
        if namespace.get(key, _put_back) is not value:
            namespace[key] = value


def _has_namespace(module):
    return isinstance(getattr(module, "__dict__", None), dict)


def _monitoring_tools():
    monitoring = getattr(sys, "monitoring", None)  # 3.12 and later
    return {tool for tool in range(6) if monitoring and monitoring.get_tool(tool)}


def run_snippet(path, source, write):
    """Run `source` as __main__, passing everything it prints to `write`.

    Returns how it ended: "ok", "raised" (an exception, its traceback
    written), or "exit N" (sys.exit with a status other than 0)."""
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
    # Tracebacks quote the failing line, as they do for a file on disk.
    linecache.cache[path] = (len(source), None, source.splitlines(True), path)
    os.chdir("/")  # a folder in use cannot be removed (Emscripten's file system)
    shutil.rmtree(WORKDIR, ignore_errors=True)
    os.makedirs(WORKDIR, exist_ok=True)
    os.chdir(WORKDIR)
    ended = "ok"
    stream = _Stream(write)
    with _Restored(), contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream):
        try:
            exec(compile(source, path, "exec"), namespace)
        except SystemExit as exit_:
            ended = _exit_status(exit_.code, stream)
        except BaseException as error:
            _print_traceback(error)
            ended = "raised"
    return ended


def _print_traceback(error):
    """As `python snippet.py` prints it, without this driver's own frame. A
    traceback many thousands of calls deep (recursion under a raised limit)
    took longer than the run's time limit to format in the browser: of such
    a one, only the last calls are printed, and it says so."""
    calls, frame = 0, error.__traceback__.tb_next
    while frame is not None and calls <= DEEPEST_TRACEBACK:
        calls, frame = calls + 1, frame.tb_next
    limit = None
    if calls > DEEPEST_TRACEBACK:
        limit = -SHOWN_OF_A_DEEP_TRACEBACK
        print(
            f"(over {DEEPEST_TRACEBACK:,} calls deep: the last {SHOWN_OF_A_DEEP_TRACEBACK} are shown)", file=sys.stderr
        )
    traceback.print_exception(type(error), error, error.__traceback__.tb_next, limit=limit)


def check_exercise(lesson, number, source, preamble, limit):
    """Check the learner's code for one exercise, as `python exercises.py` does:
    (passed, message, what the code printed, cut to `limit` characters).
    The lesson's exercises.py and the checker are files in /snippets (worker.js)."""
    checks = _exercises(lesson)  # loaded once, before the state that is put back
    printed = _Capped(limit)
    with _Restored(), contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        from exercise_checker import check_source

        passed, message = check_source(checks.EXERCISES[number][1], source, "your code", preamble)
    return passed, message, printed.getvalue()


def _exercises(lesson):
    import importlib.util

    name = "exercises_" + lesson.replace("/", "_").replace("-", "_")
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, f"/snippets/{lesson}/try-it/exercises.py")
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


class _Capped(io.StringIO):
    """Keeps the first `limit` characters written, and says where it cut."""

    def __init__(self, limit):
        super().__init__()
        self.room = limit

    def write(self, text):
        if self.room > 0:
            kept = text[: self.room]
            self.room -= len(kept)
            super().write(kept + ("\n… (output cut here)\n" if self.room <= 0 else ""))
        return len(text)


def _exit_status(code, stream):
    """What `python snippet.py` does at sys.exit(code): a message goes to stderr, status 1."""
    if code is None or code == 0:
        return "ok"
    if isinstance(code, int):
        return f"exit {code}"
    print(code, file=stream)
    return "exit 1"


run_snippet  # noqa: B018 (the value runPython returns to JavaScript)
