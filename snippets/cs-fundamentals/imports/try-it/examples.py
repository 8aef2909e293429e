# %% [markdown]
# # How import Works: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with, so
# compare versions!

# %%
import dis
import importlib.util
import sys


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. import and sys.modules

# %%
heading("1. import and sys.modules")
print("colorsys loaded yet?", "colorsys" in sys.modules)
import colorsys  # noqa: E402

print("after import:", "colorsys" in sys.modules)
print("found by", type(colorsys.__spec__.loader).__name__)
print("this script runs as", __name__)

# %% [markdown]
# ## 2. Lazy imports (3.15)
# `lazy import` is new syntax in 3.15, so it is compiled from a string:
# older versions can still run the rest of this file.

# %%
heading("2. Lazy imports")
if sys.version_info >= (3, 15):
    dis.dis(compile("lazy import json\n", "<lazy>", "exec"))
else:
    print("lazy import needs 3.15; this is",
          "%d.%d" % sys.version_info[:2])
