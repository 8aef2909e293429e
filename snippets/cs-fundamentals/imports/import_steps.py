# What `import` consults, in order: the module cache, then the finders.
import sys

print("colorsys cached before import?", "colorsys" in sys.modules)
import colorsys  # noqa: E402  (imported here on purpose)

print("colorsys cached after import? ", "colorsys" in sys.modules)
print("importing again returns the cached object:",
      sys.modules["colorsys"] is colorsys)
print("finders on sys.meta_path, and the module each comes from:")
for finder in sys.meta_path:
    kind = finder if isinstance(finder, type) else type(finder)
    print(f"  {kind.__name__:<25} {kind.__module__}")
print("colorsys was found by:", type(colorsys.__spec__.loader).__name__)
