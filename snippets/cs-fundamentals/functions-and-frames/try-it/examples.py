# %% [markdown]
# # Functions, Scopes and Frames: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with,
# so compare versions!

# %%
import dis
import sys
from inspect import getgeneratorstate


def heading(text):
    print(f"\n=== {text} ===")


def uses(func, name):
    """Instructions that use name."""
    ops = dis.get_instructions(func)
    return [op.opname for op in ops
            if op.argval == name]


version = sys.version.split()[0]
print("Running on Python", version)

# %% [markdown]
# ## 1. The compiler decides the scope
# `report` assigns to `level`, so `level` is local in all of
# `report`, even on the line before the assignment. `peek` only
# reads it, so it reads the global.

# %%
heading("1. Scopes, decided early")
level = 1


def peek():
    return level


def report():
    print(level)
    level = 2


print("peek  ", uses(peek, "level"))
print("report", uses(report, "level"))
try:
    report()
except UnboundLocalError as error:
    print(type(error).__name__)

# %% [markdown]
# ## 2. Function objects and code objects
# Each run of `def` makes a new function object around the same
# code object, with its defaults computed at that moment.

# %%
heading("2. Functions and code objects")


def make(size):
    def box(items=[]):
        items.append(size)
        return items
    return box


small, large = make(1), make(9)
print("same function?", small is large)
same = small.__code__ is large.__code__
print("same code?", same)
print("small():", small())
print("small():", small())
print("large():", large())

# %% [markdown]
# ## 3. Closures and cells
# `step` reads and rebinds `count`, a variable of `make_counter`,
# so `count` lives in a cell.

# %%
heading("3. Closures and cells")


def make_counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count

    return step


step = make_counter()
print("calls:", step(), step(), step())
outer = make_counter.__code__
print("co_cellvars:", outer.co_cellvars)
inner = step.__code__
print("co_freevars:", inner.co_freevars)
cell = step.__closure__[0]
print("cell:", cell.cell_contents)
print("step", uses(step, "count"))

late = [lambda: n for n in range(3)]
early = [lambda n=n: n
         for n in range(3)]
print("late: ", [f() for f in late])
print("early:", [f() for f in early])

# %% [markdown]
# ## 4. Frames
# Each call has a frame; `f_back` leads to the caller's frame.
# A recursive function has one frame per call on the stack.

# %%
heading("4. Frames")


def depth_of(name):
    """Frames of `name` on the stack."""
    frame, found = sys._getframe(), 0
    while frame is not None:
        if frame.f_code.co_name == name:
            found += 1
        frame = frame.f_back
    return found


def dive(n):
    if n == 0:
        return depth_of("dive")
    return dive(n - 1)


print("dive(4) frames:", dive(4))
limit = sys.getrecursionlimit()
print("recursion limit:", limit)

# %% [markdown]
# ## 5. Generators pause a frame
# The body does not start until the first `next()`; between calls
# the frame and its locals wait in `gi_frame`.

# %%
heading("5. Generators pause a frame")


def squares(n):
    for i in range(n):
        yield i * i


gen = squares(3)
print(getgeneratorstate(gen))
for value in gen:
    i = gen.gi_frame.f_locals["i"]
    state = getgeneratorstate(gen)
    print(value, state, "i =", i)
print(getgeneratorstate(gen))
print("gi_frame:", gen.gi_frame)
