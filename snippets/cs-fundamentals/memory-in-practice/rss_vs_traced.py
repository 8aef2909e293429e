# Native CPython only: needs Linux /proc
# What tracemalloc counts, and what the
# operating system gives the process.
import tracemalloc


def rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                kib = line.split()[1]
                return int(kib) / 1024


def run(measure):
    # a million small tuples, then half
    # of them freed, then all of them
    items = [(n,) for n in range(10**6)]
    built = measure()
    del items[::2]
    half = measure()
    del items
    return built, half, measure()


def traced_mib():
    current, _ = (
        tracemalloc.get_traced_memory())
    return round(current / 2**20)


tracemalloc.start()
print("traced MiB:", run(traced_mib))
tracemalloc.stop()
base = rss_mib()
full, half, freed = run(
    lambda: rss_mib() - base)
print("half freed, RSS 90%+ of peak?",
      half > 0.9 * full)
print("all freed, RSS under 10%?",
      freed < 0.1 * full)
