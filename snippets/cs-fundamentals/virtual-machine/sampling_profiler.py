# The sampling profiler (PEP 799, new in 3.15) reads a running
# process's stack from outside, many times a second.
import sys

if sys.version_info < (3, 15):
    print("profiling.sampling needs Python 3.15; this is %d.%d."
          % sys.version_info[:2])
else:
    import profiling.sampling

    print("imported:", profiling.sampling.__name__)
    print(profiling.sampling.__doc__.splitlines()[0])
    if sys.platform == "emscripten":
        # In WebAssembly, try `attach` on this very process.
        import os
        import runpy

        sys.argv = ["profiling.sampling", "attach", str(os.getpid())]
        try:
            runpy.run_module("profiling.sampling", run_name="__main__")
        except SystemExit as stop:
            print("attach:", stop.code)
