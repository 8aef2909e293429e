# Which allocator serves small objects depends on how CPython was built.
import sysconfig

pymalloc = sysconfig.get_config_var("WITH_PYMALLOC") == 1
free_threaded = sysconfig.get_config_var("Py_GIL_DISABLED") == 1
print("built with pymalloc:", pymalloc)
print("free-threaded build:", free_threaded)
