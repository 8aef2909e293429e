# tracemalloc records where memory was allocated, line by line.
import tracemalloc

words = lengths = None  # (see below)
tracemalloc.start()
words = [f"word{i}" for i in range(10_000)]   # line 6: 10,000 strings
lengths = {w: len(w) for w in words}          # line 7: a dict of them
snapshot = tracemalloc.take_snapshot()
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()

for stat in snapshot.statistics("lineno")[:2]:
    frame = stat.traceback[0]
    # Large counts are rounded: the exact one depends on what ran before
    blocks = stat.count
    if blocks >= 1000:
        blocks = f"about {round(blocks, -2):,}"
    s = "" if blocks == 1 else "s"
    kib = stat.size // 1024
    where = f"line {frame.lineno}"
    print(f"{where}: {blocks} block{s},",
          kib, "KiB")
print("peak traced memory above 500 KiB?", peak > 500 * 1024)
