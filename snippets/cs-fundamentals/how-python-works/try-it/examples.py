# %% [markdown]
# # How Python Works: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with `jupytext`).
# Every output comes from the Python you run it with, so compare versions!

# %%
import ast
import dis
import importlib.util
import sys


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. Source to code object
# `compile()` runs the tokenizer, parser and compiler; the result is a code object.

# %%
heading("1. Source to code object")
code = compile("x = 6 * 7", "<example>", "exec")
print("compile() returned a", type(code).__name__)
print("its constants:", code.co_consts, "(6 * 7 was folded by the optimizer)")

# %% [markdown]
# ## 2. The abstract syntax tree

# %%
heading("2. The abstract syntax tree")
print(ast.dump(ast.parse("total = price * 2"), indent=2))

# %% [markdown]
# ## 3. Bytecode, and what specialization does to it

# %%
heading("3. Bytecode before and after warm-up")


def add(a, b):
    return a + b


dis.dis(add)
for _ in range(2000):
    add(1, 2)
print("-- after 2000 calls with ints --")
dis.dis(add, adaptive=True)

# %% [markdown]
# ## 4. Where the .pyc of a module would go

# %%
heading("4. The .pyc cache")
print("cache tag:", sys.implementation.cache_tag)
print("spam.py is cached as", importlib.util.cache_from_source("spam.py"))
print("magic number:", int.from_bytes(importlib.util.MAGIC_NUMBER[:2], "little"))

# %% [markdown]
# ## 5. The GIL's switch interval

# %%
heading("5. The GIL")
print("threads are asked to switch every", sys.getswitchinterval(), "s")
if hasattr(sys, "_is_gil_enabled"):
    print("GIL enabled in this build:", sys._is_gil_enabled())

# %% [markdown]
# ## 6. import and sys.modules

# %%
heading("6. import and sys.modules")
print("colorsys loaded yet?", "colorsys" in sys.modules)
import colorsys  # noqa: E402

print("after import:", "colorsys" in sys.modules, "- found by", type(colorsys.__spec__.loader).__name__)
