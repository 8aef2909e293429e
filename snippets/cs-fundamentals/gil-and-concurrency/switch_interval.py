# How long a thread waits before the GIL's holder is asked to hand it
# over; whether this build can run without a GIL; is the GIL on now?
import sys
import sysconfig

print("switch interval:", sys.getswitchinterval(), "seconds")
print("free-threaded build (Py_GIL_DISABLED):",
      bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
if hasattr(sys, "_is_gil_enabled"):  # new in 3.13
    print("GIL enabled right now:", sys._is_gil_enabled())
