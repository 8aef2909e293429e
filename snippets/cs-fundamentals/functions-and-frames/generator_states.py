# A generator is a paused frame.
import dis
from inspect import getgeneratorstate


def countdown(n):
    print("  body starts")
    while n > 0:
        yield n
        n -= 1


def paused_at(gen):
    frame = gen.gi_frame
    line = frame.f_lineno
    return line, frame.f_locals


ops = dis.get_instructions(countdown)
print("first:", next(ops).opname)
gen = countdown(2)
state = getgeneratorstate
print("after the call:", state(gen))
print("next():", next(gen), state(gen))
print("   paused at", paused_at(gen))
print("next():", next(gen), state(gen))
print("   paused at", paused_at(gen))
print("rest:", list(gen), state(gen))
print("gi_frame:", gen.gi_frame)
