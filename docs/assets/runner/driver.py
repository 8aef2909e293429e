"""Runs a snippet inside Pyodide the way `python snippet.py` would.

One driver for both places Pyodide runs the site's code: the tests, under Node
(tests/support/run_in_pyodide.mjs), and a reader's browser, in a Web Worker
(worker.js). What the tests record is what a reader's Run prints.
Evaluated as a script; its last expression is the function the caller keeps.
"""

import contextlib
import linecache
import os
import sys
import traceback


class _Stream:
    """A text stream that hands each write to `write` (a JavaScript callback in the browser)."""

    def __init__(self, write):
        self.write_text = write

    def write(self, text):
        self.write_text(text)
        return len(text)

    def flush(self):
        pass


def run_snippet(path, source, write):
    """Run `source` as __main__, passing everything it prints to `write`; True if it succeeded."""
    namespace = {"__name__": "__main__", "__file__": path}
    # Tracebacks quote the failing line, as they do for a file on disk.
    linecache.cache[path] = (len(source), None, source.splitlines(True), path)
    workdir = "/tmp/snippet"
    os.makedirs(workdir, exist_ok=True)
    os.chdir(workdir)
    ok = True
    # Runs share one interpreter: undo what each changes globally.
    modules_before, path_before = set(sys.modules), list(sys.path)
    stream = _Stream(write)
    with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream):
        try:
            exec(compile(source, path, "exec"), namespace)
        except SystemExit as exit_:
            ok = exit_.code in (None, 0)
        except BaseException as error:
            # Without this driver's own frame, as `python snippet.py` prints it.
            traceback.print_exception(type(error), error, error.__traceback__.tb_next)
            ok = False
    for name in set(sys.modules) - modules_before:
        del sys.modules[name]
    sys.path[:] = path_before
    return ok


run_snippet  # noqa: B018 (the value runPython returns to JavaScript)
