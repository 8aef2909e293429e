# tracemalloc records where memory was allocated, line by line.
import tracemalloc

tracemalloc.start()
words = [f"word{i}" for i in range(10_000)]   # line 5: 10,000 strings
lengths = {w: len(w) for w in words}          # line 6: a dict of them
snapshot = tracemalloc.take_snapshot()
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()

for stat in snapshot.statistics("lineno")[:2]:
    frame = stat.traceback[0]
    # Large counts are rounded: the exact one depends on what ran before
    blocks = stat.count
    if blocks >= 1000:
        blocks = f"about {round(blocks, -2):,}"
    kib = stat.size // 1024
    print(f"line {frame.lineno}: {blocks} blocks, {kib} KiB")
print("peak traced memory above 500 KiB?", peak > 500 * 1024)
