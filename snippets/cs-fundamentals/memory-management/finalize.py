# weakref.finalize: a clean-up that runs
# once, when the object dies or at exit.
import weakref


class TempFile:
    def __init__(self, name):
        self.name = name


log = []
temp = TempFile("a.tmp")
done = weakref.finalize(
    temp, log.append, "removed a.tmp")
print("alive:", done.alive)
print("runs at exit:", done.atexit)
del temp  # the object dies: it runs
print("log:", log)
print("alive:", done.alive)
print("call again:", done())
