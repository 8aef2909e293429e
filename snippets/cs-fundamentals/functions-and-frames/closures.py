# greeting is kept in a cell.
import dis


def make_greeter(greeting):
    def greet(name):
        return greeting + ", " + name
    return greet


def uses(func):
    ops = dis.get_instructions(func)
    return [op.opname for op in ops
            if op.argval == "greeting"]


hello = make_greeter("Hello")
print(hello("Ada"))
outer = make_greeter.__code__
print("cellvars:", outer.co_cellvars)
inner = hello.__code__
print("freevars:", inner.co_freevars)
cell = hello.__closure__[0]
print("cell holds:", cell.cell_contents)
print("outer:", uses(make_greeter))
print("inner:", uses(hello))
