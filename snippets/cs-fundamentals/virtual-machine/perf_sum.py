# The same sum three ways. The loop runs bytecode for every element;
# sum() loops in C; the formula does no loop at all. Measure!
import timeit

N = 100_000


def loop_sum():
    total = 0
    for i in range(N):
        total += i
    return total


def builtin_sum():
    return sum(range(N))


def formula_sum():
    return N * (N - 1) // 2


assert loop_sum() == builtin_sum() == formula_sum()
seconds = {}
for function in (loop_sum, builtin_sum, formula_sum):
    timer = timeit.Timer(function)
    calls, _ = timer.autorange()  # enough calls to take 0.2 s or more
    best = min(timer.repeat(repeat=3, number=calls))
    seconds[function.__name__] = best / calls
# Speed against this run's loop: only a ratio compares fairly.
loop = seconds["loop_sum"]
for name, time in seconds.items():
    print(f"{name}: {loop / time:,.1f}x the loop's speed")
