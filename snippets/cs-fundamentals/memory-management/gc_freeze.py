# gc.freeze() moves every tracked object
# to a permanent generation, which
# collections no longer scan.
import gc
import time


def collect_ms():
    start = time.perf_counter()
    gc.collect()
    took = time.perf_counter() - start
    return f"{took * 1000:.1f} ms"


rows = [[n] for n in range(200_000)]
print("collect:", collect_ms())
gc.freeze()
count = gc.get_freeze_count()
print("frozen:", count > 200_000)
print("collect:", collect_ms())
gc.unfreeze()  # back to the generations
print("frozen:", gc.get_freeze_count())
