# %% [markdown]
# # Memory Architecture: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with.

# %%
import copy
import gc
import sys
import tracemalloc
import weakref


def heading(text):
    print(f"\n=== {text} ===")


pointer = 8 if sys.maxsize > 2**32 else 4
print("Running on Python", sys.version.split()[0],
      f"({pointer}-byte pointers)")

# %% [markdown]
# ## 1. Names, identity and copies

# %%
heading("1. Names, identity and copies")
original = {"tags": ["a"]}
alias = original
shallow = copy.copy(original)
deep = copy.deepcopy(original)
alias["tags"].append("via alias")
print("alias is original:", alias is original)
print("shallow shares tags:", shallow["tags"] is original["tags"])
print("deep copy untouched:", deep["tags"])

# %% [markdown]
# ## 2. Object sizes
#
# `sys.getsizeof` counts the object's header, and the GC header in
# front of containers. A string takes 1, 2 or 4 bytes per character;
# these strings are built at run time, so nothing has cached a UTF-8
# copy inside them yet.

# %%
heading("2. Object sizes")
samples = {
    "0": 0, "2**100": 2**100, "[]": [], "[1, 2, 3]": [1, 2, 3],
    "{}": {}, "object()": object(),
}
for label, value in samples.items():
    print(f"{label:>10}: {sys.getsizeof(value)} bytes")
for char in ("a", "é", "😀"):
    text = char * 10  # built at run time
    label = f"{char!r} * 10"
    print(f"{label:>10}: {sys.getsizeof(text)} bytes")

# %% [markdown]
# ## 3. Reference counts
#
# `sys.getrefcount` counts its own argument too. Inside a function,
# 3.14 and later may show one less: they read locals as borrowed
# references.

# %%
heading("3. Reference counts")
thing = object()
print("refcount with one name:", sys.getrefcount(thing))
others = [thing] * 3
print("after three list slots: ", sys.getrefcount(thing))


def count_a_local():
    local = object()
    return sys.getrefcount(local)


print("a local in a function:  ", count_a_local())

# %% [markdown]
# ## 4. A cycle and the garbage collector
#
# A weak reference watches the cycle without keeping it alive. The
# thresholds differ by version: (700, 10, 10) up to 3.12,
# (2000, 10, 10) in 3.13, 3.14.5 and later, (2000, 10, 0) for the
# incremental collector of 3.14.0 to 3.14.4.

# %%
heading("4. A cycle and the garbage collector")


class Node:
    pass


gc.disable()
first, second = Node(), Node()
first.other, second.other = second, first
watch = weakref.ref(first)
del first, second
print("alive before collecting:", watch() is not None)
gc.collect()
print("alive after collecting: ", watch() is not None)
gc.enable()
print("thresholds:", gc.get_threshold())

# %% [markdown]
# ## 5. Where memory goes, with tracemalloc

# %%
heading("5. tracemalloc")
tracemalloc.start()
squares = [n * n for n in range(50_000)]
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"a list of 50,000 squares: about {current // 1024} KiB now,",
      f"{peak // 1024} KiB at the peak")
