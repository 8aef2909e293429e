# Each call gets a frame on the call stack, holding that call's local names.
import sys


def outer():
    greeting = "hi"
    return inner(greeting)


def inner(text):
    frame = sys._getframe()  # the frame of this very call
    while frame.f_code.co_name != "<module>":  # walk down the stack, newest first
        print(f"{frame.f_code.co_name}() frame, locals: {sorted(frame.f_locals)}")
        frame = frame.f_back
    print("<module> frame at the bottom: its locals are the module's globals")


outer()
print("recursion limit:", sys.getrecursionlimit())
