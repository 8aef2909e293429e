# %% [markdown]
# # Allocators, Measurement and the Hardware: the examples
#
# The lesson's demonstrations in one place. Run it as a script
# (`python examples.py`) or open it as a notebook (Jupyter with
# `jupytext`). Every output comes from the Python you run it with.

# %%
import sys
import sysconfig
import tracemalloc


def heading(text):
    print(f"\n=== {text} ===")


print("Running on Python", sys.version.split()[0])

# %% [markdown]
# ## 1. Which allocator

# %%
heading("1. Which allocator")
pymalloc = sysconfig.get_config_var("WITH_PYMALLOC") == 1
print("built with pymalloc:", pymalloc)

# %% [markdown]
# ## 2. Where memory goes, with tracemalloc

# %%
heading("2. tracemalloc")
tracemalloc.start()
squares = [n * n for n in range(50_000)]
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"a list of 50,000 squares: about {current // 1024} KiB now,",
      f"{peak // 1024} KiB at the peak")

# %% [markdown]
# ## 3. What the operating system sees
#
# Linux reports the resident set size in /proc/self/status; Pyodide
# has no such file.

# %%
heading("3. The resident set size")
try:
    with open("/proc/self/status") as status:
        rss = [line for line in status if line.startswith("VmRSS:")]
    print(rss[0].strip() if rss else "no VmRSS line here")
except OSError:
    print("no /proc/self/status here")
