# __del__ runs when the object is freed.
import gc

log = []


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


gc.disable()  # collect only when asked
a = Noisy("a")
del a  # the last reference: freed now
print("after del a:", log)
b, c = Noisy("b"), Noisy("c")
b.other, c.other = c, b  # a cycle
del b, c
print("after del b, c:", log)
gc.collect()  # frees the cycle
print("after collect:", sorted(log))
gc.enable()
