# A comparison and a branch, disassembled with offsets shown.
import dis
import sys


def clamp(x, limit):
    if x > limit:
        return limit
    return x


# Offsets are shown by default up to 3.12; 3.13 hides them unless asked.
options = {"show_offsets": True} if sys.version_info >= (3, 13) else {}
dis.dis(clamp, **options)
