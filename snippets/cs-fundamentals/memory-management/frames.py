# Each call gets a frame on the call stack, holding its local names.
import sys


def outer():
    greeting = "hi"
    return inner(greeting)


def inner(text):
    frame = sys._getframe()  # the frame of this very call
    # walk down the stack, newest call first
    while frame.f_code.co_name != "<module>":
        print(f"{frame.f_code.co_name}() frame, locals:",
              sorted(frame.f_locals))
        frame = frame.f_back
    print("<module> frame: its locals are the globals")


outer()
print("recursion limit:", sys.getrecursionlimit())
