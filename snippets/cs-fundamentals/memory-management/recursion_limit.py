# Since 3.11 a call from Python code to a Python function does not
# use the C stack: the recursion limit alone bounds how deep it goes.
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


default = sys.getrecursionlimit()
try:
    reached = f"{depth(5_000):,}"
except RecursionError:
    reached = "RecursionError"
print(f"limit {default:,}, depth 5,000:", reached)
sys.setrecursionlimit(60_000)
try:
    print("limit 60,000, depth 50,000:", f"{depth(50_000):,}")
finally:
    sys.setrecursionlimit(default)
