# %% [markdown]
# # How CPython Frees Memory: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with.

# %%
import gc
import sys
import weakref


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. Reference counts
#
# `sys.getrefcount` counts its own argument too. Inside a function,
# 3.14 and later may show one less: they read locals as borrowed
# references.

# %%
heading("1. Reference counts")
thing = object()
print("refcount with one name:", sys.getrefcount(thing))
others = [thing] * 3
print("after three list slots: ", sys.getrefcount(thing))


def count_a_local():
    local = object()
    return sys.getrefcount(local)


print("a local in a function:  ", count_a_local())

# %% [markdown]
# ## 2. A cycle and the garbage collector
#
# A weak reference watches the cycle without keeping it alive. The
# thresholds differ by version: (700, 10, 10) up to 3.12,
# (2000, 10, 10) in 3.13, 3.14.5 and later, (2000, 10, 0) for the
# incremental collector of 3.14.0 to 3.14.4.

# %%
heading("2. A cycle and the garbage collector")


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
# ## 3. A finaliser that always runs
#
# `weakref.finalize` runs its callback once: when the object dies, or
# at exit if it is still alive then.

# %%
heading("3. weakref.finalize")
log = []
node = Node()
done = weakref.finalize(node, log.append, "cleaned up")
del node
print("after del:", log, "| still pending:", done.alive)

# %% [markdown]
# ## 4. Freezing before a fork
#
# `gc.freeze()` moves every tracked object out of the collector's reach.

# %%
heading("4. gc.freeze")
gc.freeze()
print("frozen objects:", gc.get_freeze_count())
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
