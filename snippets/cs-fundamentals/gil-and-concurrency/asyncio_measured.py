# Native CPython only: it starts threads.
# 1,000 waits of 0.1 s (say, 1,000 network replies); then the order
# in which three coroutines run when they wait, and when they compute.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

WAITS = 1_000


async def wait_async():
    await asyncio.sleep(0.1)  # gives the event loop its turn


async def all_waits():
    await asyncio.gather(*(wait_async() for _ in range(WAITS)))


def wait_blocking(_):
    time.sleep(0.1)  # blocks its own thread only


def in_threads(workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(wait_blocking, range(WAITS)))


async def count_down(name, log):  # CPU work: never awaits
    log.append(f"start {name}")
    n = 200_000
    while n:
        n -= 1
    log.append(f"end {name}")


async def sleep_briefly(name, log):  # awaits: the loop can switch
    log.append(f"start {name}")
    await asyncio.sleep(0.01)
    log.append(f"end {name}")


async def three(work, log):
    await asyncio.gather(*(work(name, log) for name in "ABC"))


def timed(run, *args):
    start = time.perf_counter()
    run(*args)
    return time.perf_counter() - start


# Ratios within this run: times differ between machines and builds.
print(f"{WAITS:,} waits, against the time of one:")
on_one_thread = timed(asyncio.run, all_waits())
print(f"asyncio, one thread: {on_one_thread / 0.1:.1f}x")
print(f"100 threads: {timed(in_threads, 100) / 0.1:.1f}x")
print(f"1,000 threads: {timed(in_threads, 1_000) / 0.1:.1f}x")
for work in (sleep_briefly, count_down):
    log = []
    asyncio.run(three(work, log))
    print(f"{work.__name__}:", ", ".join(log))
