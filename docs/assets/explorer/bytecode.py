"""The bytecode explorer's Python, in the runner's worker (worker.js).

Evaluated in the same globals as driver.py, whose _Restored and _Capped it
uses; its last expression is the function worker.js keeps.
"""

import contextlib
import dis
import io
import json
import opcode
import re
import traceback

FILENAME = "<explorer>"


# Each specialised instruction's family, on this build (CPython's own table; private, so read with care).
SPECIALISED = {form: family for family, forms in getattr(opcode, "_specializations", {}).items() for form in forms}


def explore(source, runs, limit):
    """(listing, problem, specialised): what `dis.dis(compile(source,
    "<explorer>", "exec"))` prints, at most `limit` characters. With `runs`,
    the code first runs that many times and the listing is the specialised one
    (`adaptive=True`). `problem` is empty, or says why the listing is missing
    (the code does not compile) or what the code raised while it ran (the
    listing then shows what was specialised before that). `specialised` is
    JSON: each specialised instruction in the listing, and the instruction it
    specialises."""
    try:
        code = compile(source, FILENAME, "exec")
    except (SyntaxError, ValueError) as error:
        return "", "".join(traceback.format_exception_only(type(error), error)).strip(), "{}"
    problem = _run(code, runs) if runs else ""
    listing = _Capped(limit)  # noqa: F821 (driver.py's)
    dis.dis(code, file=listing, adaptive=bool(runs))
    text = listing.getvalue()
    named = set(re.findall(r"\b[A-Z][A-Z0-9_]+\b", text))
    return text, problem, json.dumps({form: SPECIALISED[form] for form in sorted(named & SPECIALISED.keys())})


def _run(code, runs):
    """Run the code `runs` times, printing nowhere, as a Run would (the
    interpreter is put back afterwards); what it raised, if it did."""
    for run in range(1, runs + 1):
        with _Restored(), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # noqa: F821 (driver.py's)
            try:
                exec(code, {"__name__": "__main__"})
            except BaseException as error:  # SystemExit too: it ends this run only
                return (
                    f"Your code raised {type(error).__name__} ({error}) on run {run} of {runs}: "
                    "the listing shows what was specialised before that."
                )
    return ""


explore  # noqa: B018 (the value runPython returns to JavaScript)
