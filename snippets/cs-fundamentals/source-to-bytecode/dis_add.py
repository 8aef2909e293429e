# dis shows the bytecode of a function, one instruction per line.
import dis


def add(a, b):
    return a + b


dis.dis(add)
