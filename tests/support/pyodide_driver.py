"""Runs one snippet inside Pyodide the way `python snippet.py` would, capturing what it prints.

Evaluated by run_in_pyodide.mjs; the last expression is the function Node calls.
"""
import contextlib
import io
import os
import sys
import traceback


def run_snippet(path, source):
    captured = io.StringIO()
    namespace = {"__name__": "__main__", "__file__": path}
    workdir = "/tmp/snippet"
    os.makedirs(workdir, exist_ok=True)
    os.chdir(workdir)
    ok = True
    # Snippets share this one interpreter: undo what each changes globally.
    modules_before, path_before = set(sys.modules), list(sys.path)
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
        try:
            exec(compile(source, path, "exec"), namespace)
        except SystemExit as exit_:
            ok = exit_.code in (None, 0)
        except BaseException:
            traceback.print_exc()
            ok = False
    for name in set(sys.modules) - modules_before:
        del sys.modules[name]
    sys.path[:] = path_before
    return captured.getvalue(), ok


run_snippet
