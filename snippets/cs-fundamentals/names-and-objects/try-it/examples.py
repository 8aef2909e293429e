# %% [markdown]
# # Names, Identity and Copies: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with.
#
# <a id="memory-architecture-the-examples"></a>
# It began as the first part of "Memory Architecture: the examples";
# the end of this notebook says where the other parts went.

# %%
import copy
import sys


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
# ## 2. Small ints and interned strings
#
# Both are details of CPython, not rules of the language: 3.15 shares
# the ints up to 1024, older versions up to 256.

# %%
heading("2. Small ints and interned strings")
print("int('256') is int('256'):", int("256") is int("256"))
print("int('1000') is int('1000'):", int("1000") is int("1000"))
literal = "python"
built = "".join(["py", "thon"])  # a new string, made at run time
print("equal:", built == literal, "| same object:", built is literal)
print("after sys.intern:", sys.intern(built) is literal)

# %% [markdown]
# The other parts of "Memory Architecture: the examples" are in the
# notebooks of the lessons that now teach them:
#
# - <a id="2-object-sizes"></a>object sizes:
#   [Sizes and Layout](../../object-layout/notebook/);
# - <a id="3-reference-counts"></a>reference counts, and
#   <a id="4-a-cycle-and-the-garbage-collector"></a>a cycle and the
#   garbage collector:
#   [How CPython Frees Memory](../../memory-management/notebook/);
# - <a id="5-where-memory-goes-with-tracemalloc"></a>where memory goes,
#   with tracemalloc: [Allocators, Measurement and the
#   Hardware](../../memory-in-practice/notebook/).
