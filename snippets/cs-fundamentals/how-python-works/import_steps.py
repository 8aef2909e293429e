# What `import` consults, in order: the module cache, then the finders.
import sys

print("colorsys cached before import?", "colorsys" in sys.modules)
import colorsys  # noqa: E402  (imported here on purpose)

print("colorsys cached after import? ", "colorsys" in sys.modules)
print("importing again returns the cached object:", sys.modules["colorsys"] is colorsys)
print("finders on sys.meta_path:", [getattr(f, "__name__", type(f).__name__) for f in sys.meta_path])
print("colorsys was found by:", colorsys.__spec__.loader.__class__.__name__)
