# How often a running thread is asked to hand over the GIL, and whether this
# interpreter has a GIL at all (sys._is_gil_enabled is new in 3.13).
import sys

print("switch interval:", sys.getswitchinterval(), "seconds")
if hasattr(sys, "_is_gil_enabled"):
    print("GIL enabled:", sys._is_gil_enabled())
