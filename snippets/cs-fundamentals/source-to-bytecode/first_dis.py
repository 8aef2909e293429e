# The instructions a first dis listing is full of: module-level names,
# a method call, a keyword argument, a result thrown away, and a call
# to a global from inside a function.
import dis

SOURCE = 'name = "ada"\nprint(name.title(), end="!\\n")\n'
dis.dis(compile(SOURCE, "<first>", "exec"))


def shout(name):
    print(name)


print("--- inside a function ---")
dis.dis(shout)
