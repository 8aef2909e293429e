# %% [markdown]
# # .pyc Files: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with, so
# compare versions!

# %%
import importlib.util
import sys


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. Where the .pyc of a module would go

# %%
heading("1. The .pyc cache")
magic = importlib.util.MAGIC_NUMBER
print("cache tag:", sys.implementation.cache_tag)
print("spam.py is cached as")
print("  ", importlib.util.cache_from_source("spam.py"))
print("magic number:", int.from_bytes(magic[:2], "little"))
