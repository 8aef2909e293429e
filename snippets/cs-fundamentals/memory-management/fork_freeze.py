# Native CPython only: calls os.fork().
# What a child copies of its parent's
# memory when it collects (Linux).
import gc
import os

ROLLUP = "/proc/self/smaps_rollup"


def copied_mib():
    # pages this process wrote to since
    # the fork: its own copies, in MiB
    with open(ROLLUP) as rollup:
        text = rollup.read()
    after = text.split("Private_Dirty:")
    kib = after[1].split()[0]
    return int(kib) >> 10


def child_copies(freeze):
    if freeze:
        gc.freeze()
    pid = os.fork()
    if pid == 0:  # the child
        before = copied_mib()
        gc.collect()
        os._exit(copied_mib() - before)
    _, status = os.waitpid(pid, 0)
    gc.unfreeze()
    return os.WEXITSTATUS(status)


gc.disable()  # as the gc docs advise
rows = [[n] for n in range(500_000)]
for freeze in (False, True):
    many = child_copies(freeze) >= 10
    print("frozen:", freeze,
          "| copied 10+ MiB:", many)
gc.enable()
