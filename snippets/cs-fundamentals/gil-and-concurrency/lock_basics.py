# `with lock:` takes the lock, and gives it back when the block ends,
# even when it ends with an exception. One holder at a time:
import threading

lock = threading.Lock()
with lock:
    print("locked inside the block?", lock.locked())
    # A second acquire waits for the holder; ask without waiting:
    print("acquire(blocking=False):", lock.acquire(blocking=False))
try:
    with lock:
        raise ValueError("something went wrong")
except ValueError:
    pass
print("locked after a block that raised?", lock.locked())
