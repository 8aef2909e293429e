"""Checks your answers to the "How CPython Frees Memory" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import gc
import pathlib
import sys
import weakref

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


def check_make_cycle(answers):
    gc.disable()
    try:
        gc.collect()
        watch = answers["make_cycle"]()
        expect_type(watch, weakref.ref, "a weakref.ref to one of the objects")
        if watch() is None:
            raise Wrong("the object was freed at once: nothing refers to it, so it was not in a cycle. "
                        "Hint: make each object keep an attribute pointing to the other")
        gc.collect()
        if watch() is not None:
            raise Wrong("the object survived gc.collect(): something outside the cycle still refers to it")
    finally:
        gc.enable()


def check_open_temp(answers):
    if "__del__" in vars(answers["TempFile"]):
        raise Wrong("TempFile has a __del__: leave the class alone and register the clean-up with weakref.finalize")
    log = []
    registered = len(weakref.finalize._registry)
    temp = answers["open_temp"]("a.tmp", log)
    expect_type(temp, answers["TempFile"], "the TempFile")
    if log:
        raise Wrong(f"the log is {log} while the file is still alive: the callback ran at once. "
                    "Hint: pass the function and its arguments to weakref.finalize, do not call it")
    if len(weakref.finalize._registry) <= registered:
        raise Wrong("no weakref.finalize is registered for the TempFile")
    watch = weakref.ref(temp)
    del temp
    if watch() is not None:
        raise Wrong("the TempFile is still alive after its last name went: the callback (or its "
                    "arguments) refers to it. Hint: give finalize log.append and name, not the object")
    if log != ["a.tmp"]:
        raise Wrong(f"after the TempFile was freed the log is {log}, not ['a.tmp']")


def check_fork_ready(answers):
    gc.enable()
    gc.unfreeze()
    try:
        frozen = answers["fork_ready"]()
        expect_type(frozen, int, "the number of frozen objects")
        if gc.get_freeze_count() == 0:
            raise Wrong("nothing is frozen. Hint: gc.freeze()")
        if frozen != gc.get_freeze_count():
            raise Wrong(f"you returned {frozen}, but {gc.get_freeze_count()} objects are frozen. "
                        "Hint: gc.get_freeze_count(), after freezing")
        if gc.isenabled():
            raise Wrong("automatic collection is still on in the parent: a collection before the fork "
                        "leaves holes in pages the children share. Hint: gc.disable()")
        answers["in_child"]()
        if not gc.isenabled():
            raise Wrong("after in_child() automatic collection is still off. Hint: gc.enable()")
    finally:
        gc.unfreeze()
        gc.enable()


EXERCISES = {
    1: ("a cycle only the collector can free", check_make_cycle),
    2: ("clean up without `__del__`", check_open_temp),
    3: ("ready to fork", check_fork_ready),
}

if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
