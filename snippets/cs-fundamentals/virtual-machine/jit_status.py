# Is there a JIT in this interpreter, and is it switched on?
import sys

jit = getattr(sys, "_jit", None)  # sys._jit is new in 3.14
if jit is None:
    print("No sys._jit: this version has no JIT switch to ask.")
else:
    print("JIT built into this interpreter:", jit.is_available())
    print("JIT enabled right now:", jit.is_enabled())
