# %% [markdown]
# # The GIL and Concurrency: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with, so
# compare versions!

# %%
import sys
import sysconfig


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. The GIL's switch interval
# Also: is this a free-threaded build, and is the GIL on right now?
# A free-threaded build can still turn the GIL on while it runs (an
# extension not marked safe, or `PYTHON_GIL=1`), so the build and the
# current state are two different questions.

# %%
heading("1. The GIL")
print("threads are asked to switch every", sys.getswitchinterval(), "s")
print("free-threaded build:",
      bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
if hasattr(sys, "_is_gil_enabled"):  # 3.13+
    print("GIL enabled right now:", sys._is_gil_enabled())
