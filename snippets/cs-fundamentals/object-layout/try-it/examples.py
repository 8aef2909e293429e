# %% [markdown]
# # Sizes and Layout: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with.

# %%
import sys


def heading(text):
    print(f"\n=== {text} ===")


pointer = 8 if sys.maxsize > 2**32 else 4
print("Running on Python", sys.version.split()[0],
      f"({pointer}-byte pointers)")

# %% [markdown]
# ## 1. Object sizes
#
# `sys.getsizeof` counts the object's header, and the GC header in
# front of containers. A string takes 1, 2 or 4 bytes per character;
# these strings are built at run time, so nothing has cached a UTF-8
# copy inside them yet.

# %%
heading("1. Object sizes")
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
# ## 2. Dict keys: all strings, or not
#
# Since 3.11 a dict whose keys are all `str` keeps no hash in its
# entries: the strings cache their own.

# %%
heading("2. Dict keys")
for keys in (["a", "b"], [1, 2], ["a", 2]):
    table = dict.fromkeys(keys)
    print(f"{keys!s:>10}: {sys.getsizeof(table)} bytes")
