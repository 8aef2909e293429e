# Since 3.11 a call from Python code to a Python function does not
# use the C stack: the recursion limit alone bounds how deep it goes.
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


default = sys.getrecursionlimit()
try:
    depth(5_000)
except RecursionError:
    print(f"limit {default:,}, 5,000 calls deep: RecursionError")
sys.setrecursionlimit(60_000)
try:
    print("limit 60,000, 50,000 calls deep:", f"{depth(50_000):,}")
finally:
    sys.setrecursionlimit(default)
