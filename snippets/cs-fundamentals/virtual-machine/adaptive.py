# After enough calls, the specializing interpreter (3.11+) rewrites
# generic instructions into forms specialized for the types it saw.
import dis


def add(a, b):
    return a + b


for _ in range(2000):  # warm up with ints only
    add(1, 2)

dis.dis(add, adaptive=True)
