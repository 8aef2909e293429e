# The compiler decides each scope.
import dis

total = 10


def peek():
    seen = total
    total = 0
    return seen


def reset():
    global total
    seen = total
    total = 0
    return seen


def uses(func):
    ops = dis.get_instructions(func)
    return [op.opname for op in ops
            if op.argval == "total"]


print("peek: ", uses(peek))
print("reset:", uses(reset))
try:
    result = peek()
except Exception as error:
    result = type(error).__name__
print("peek():", result)
