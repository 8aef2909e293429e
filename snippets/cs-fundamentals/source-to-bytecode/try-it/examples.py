# %% [markdown]
# # From Source to Bytecode: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with, so
# compare versions!
#
# <a id="how-python-works-the-examples"></a>
# It began as the first part of "How Python Works: the examples"; the
# end of this notebook says where the other parts went.

# %%
import ast
import dis
import locale
import sys


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
# ## 3. Text files and their default encoding
# <a id="8-text-files-and-their-default-encoding"></a>
# Up to 3.14 `open()` without `encoding=` uses the locale's encoding;
# 3.15 turns UTF-8 mode on by default (PEP 686).

# %%
heading("3. The default encoding")
print("UTF-8 mode:", sys.flags.utf8_mode)
print("locale encoding:", locale.getencoding())

# %% [markdown]
# The other parts of "How Python Works: the examples" are in the
# notebooks of the lessons that now teach them:
#
# - <a id="3-bytecode-and-what-specialization-does-to-it"></a>
#   bytecode, and what specialization does to it: [Inside the Virtual
#   Machine](../../virtual-machine/notebook/);
# - <a id="4-where-the-pyc-of-a-module-would-go"></a>where the .pyc of a
#   module would go: [.pyc Files](../../pyc-files/notebook/);
# - <a id="6-import-and-sysmodules"></a>import and sys.modules, and
#   <a id="7-lazy-imports-315"></a>lazy imports:
#   [How import Works](../../imports/notebook/);
# - <a id="5-the-gils-switch-interval"></a>the GIL's switch interval:
#   [The GIL and Concurrency](../../gil-and-concurrency/notebook/).
