"""Reference solutions for answers.py, checked by the tests:

    python exercises.py solutions.py
"""

# %% Exercise 1: a cycle only the collector can free
import weakref


class Node:
    pass


# --8<-- [start:make_cycle]
def make_cycle():
    first, second = Node(), Node()
    first.other, second.other = second, first  # each keeps the other alive
    return weakref.ref(first)  # the locals vanish when we return
# --8<-- [end:make_cycle]


# %% Exercise 2: clean up without `__del__`
import weakref


class TempFile:
    def __init__(self, name):
        self.name = name


# --8<-- [start:open_temp]
def open_temp(name, log):
    temp = TempFile(name)
    # the callback and its arguments hold `log` and `name`, never `temp`
    weakref.finalize(temp, log.append, name)
    return temp
# --8<-- [end:open_temp]


# %% Exercise 3: ready to fork
import gc


# --8<-- [start:fork_ready]
def fork_ready():
    gc.disable()  # no collection between here and fork
    gc.freeze()  # the children's collections skip these
    return gc.get_freeze_count()


def in_child():
    gc.enable()
# --8<-- [end:fork_ready]
