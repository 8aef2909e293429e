# Every function carries the code object the compiler made for it.
def greet(name):
    message = "Hello, " + name
    print(message)
    return len(message)

code = greet.__code__
print("co_name:     ", code.co_name)
print("co_argcount: ", code.co_argcount)
print("co_varnames: ", code.co_varnames)  # locals, arguments first
print("co_names:    ", code.co_names)     # global, attribute names
print("co_consts:   ", code.co_consts)    # constants the bytecode loads
print("co_stacksize:", code.co_stacksize) # deepest the value stack gets
print("co_code:     ", len(code.co_code), "bytes of bytecode")
