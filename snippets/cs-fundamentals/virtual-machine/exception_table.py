# Since 3.11 no instruction sets up a handler: where to jump on an
# exception is looked up in a table beside the bytecode.
import dis


def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None


dis.dis(safe_div)
