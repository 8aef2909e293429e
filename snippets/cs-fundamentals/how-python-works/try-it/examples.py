# %% [markdown]
# # How Python Works: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with, so
# compare versions!

# %%
import ast
import dis
import importlib.util
import locale
import sys
import sysconfig


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. Source to code object
# `compile()` runs the tokenizer, parser and compiler; the result is a
# code object. The optimizer already worked out `6 * 7`: the listing
# loads 42 (`LOAD_CONST` up to 3.13, `LOAD_SMALL_INT` from 3.14).

# %%
heading("1. Source to code object")
code = compile("x = 6 * 7", "<example>", "exec")
print("compile() returned a", type(code).__name__)
print("6 * 7 was folded to 42 before the code ever runs:")
dis.dis(code)

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
magic = importlib.util.MAGIC_NUMBER
print("cache tag:", sys.implementation.cache_tag)
print("spam.py is cached as")
print("  ", importlib.util.cache_from_source("spam.py"))
print("magic number:", int.from_bytes(magic[:2], "little"))

# %% [markdown]
# ## 5. The GIL's switch interval
# Also: is this a free-threaded build, and is the GIL on right now?
# A free-threaded build can still turn the GIL on while it runs (an
# extension not marked safe, or `PYTHON_GIL=1`), so the build and the
# current state are two different questions.

# %%
heading("5. The GIL")
print("threads are asked to switch every", sys.getswitchinterval(), "s")
print("free-threaded build:",
      bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
if hasattr(sys, "_is_gil_enabled"):  # 3.13+
    print("GIL enabled right now:", sys._is_gil_enabled())

# %% [markdown]
# ## 6. import and sys.modules

# %%
heading("6. import and sys.modules")
print("colorsys loaded yet?", "colorsys" in sys.modules)
import colorsys  # noqa: E402

print("after import:", "colorsys" in sys.modules)
print("found by", type(colorsys.__spec__.loader).__name__)
print("this script runs as", __name__)

# %% [markdown]
# ## 7. Lazy imports (3.15)
# `lazy import` is new syntax in 3.15, so it is compiled from a string:
# older versions can still run the rest of this file.

# %%
heading("7. Lazy imports")
if sys.version_info >= (3, 15):
    dis.dis(compile("lazy import json\n", "<lazy>", "exec"))
else:
    print("lazy import needs 3.15; this is",
          "%d.%d" % sys.version_info[:2])

# %% [markdown]
# ## 8. Text files and their default encoding
# Up to 3.14 `open()` without `encoding=` uses the locale's encoding;
# 3.15 turns UTF-8 mode on by default (PEP 686).

# %%
heading("8. The default encoding")
print("UTF-8 mode:", sys.flags.utf8_mode)
print("locale encoding:", locale.getencoding())
