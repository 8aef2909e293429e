# %% [markdown]
# # Memory Architecture: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with `jupytext`).
# Every output comes from the Python you run it with.

# %%
import copy
import gc
import sys
import tracemalloc
import weakref


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0], f"({8 if sys.maxsize > 2**32 else 4}-byte pointers)")

# %% [markdown]
# ## 1. Names, identity and copies

# %%
heading("1. Names, identity and copies")
original = {"tags": ["a"]}
alias = original
shallow = copy.copy(original)
deep = copy.deepcopy(original)
alias["tags"].append("via alias")
print("alias is original:", alias is original, "| shallow shares tags:", shallow["tags"] is original["tags"])
print("deep copy untouched:", deep["tags"])

# %% [markdown]
# ## 2. Object sizes

# %%
heading("2. Object sizes")
samples = {"0": 0, "2**100": 2**100, '""': "", '"abc"': "abc", "[]": [], "[1, 2, 3]": [1, 2, 3], "{}": {}, "object()": object()}
for label, value in samples.items():
    print(f"{label:>10}: {sys.getsizeof(value)} bytes")

# %% [markdown]
# ## 3. Reference counts

# %%
heading("3. Reference counts")
thing = object()
print("refcount with one name:", sys.getrefcount(thing))
others = [thing] * 3
print("after three list slots: ", sys.getrefcount(thing))

# %% [markdown]
# ## 4. A cycle and the garbage collector

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

# %% [markdown]
# ## 5. Where memory goes, with tracemalloc

# %%
heading("5. tracemalloc")
tracemalloc.start()
squares = [n * n for n in range(50_000)]
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"a list of 50,000 squares: about {current // 1024} KiB now, {peak // 1024} KiB at the peak")
