# Each run of `def` makes a function.
import dis


def make():
    def show(x=0):
        return x
    return show


for op in dis.get_instructions(make):
    arg = op.argrepr
    code = op.argval
    if hasattr(code, "co_name"):
        arg = "code " + code.co_name
    print(op.opname, arg)

one, two = make(), make()
print("same function?", one is two)
same = one.__code__ is two.__code__
print("same code?", same)
