# %% [markdown]
# # Inside the Virtual Machine: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with, so
# compare versions!

# %%
import dis
import sys


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. Bytecode, and what specialization does to it

# %%
heading("1. Bytecode before and after warm-up")


def add(a, b):
    return a + b


dis.dis(add)
for _ in range(2000):
    add(1, 2)
print("-- after 2000 calls with ints --")
dis.dis(add, adaptive=True)
