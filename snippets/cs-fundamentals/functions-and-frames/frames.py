# A traceback is a chain of frames.
import sys


def countdown(n):
    if n == 0:
        raise ValueError("liftoff")
    countdown(n - 1)


try:
    countdown(2)
except ValueError as error:
    entry = error.__traceback__
    here = sys._getframe()
    same = entry.tb_frame is here
    print("first entry is here?", same)
    while entry is not None:
        frame = entry.tb_frame
        name = frame.f_code.co_name
        n = frame.f_locals.get("n")
        line = f"line {entry.tb_lineno}"
        print(name, "n =", n, line)
        entry = entry.tb_next
    n = frame.f_back.f_locals["n"]
    print("its f_back: n =", n)
