# Step through the real bytecode of a small function with a toy stack
# machine, printing the value stack after every instruction.
import dis
import operator


def total(price, quantity):
    cost = price * quantity
    return cost + 5


OPERATORS = {"+": operator.add, "*": operator.mul}


def shown_arg(instr):
    # 3.14's LOAD_SMALL_INT has no argrepr: its argument is the value
    if instr.argrepr or not instr.opname.startswith("LOAD"):
        return instr.argrepr
    return str(instr.argval)


def trace(function, *args):
    names = function.__code__.co_varnames
    local_vars = dict(zip(names, args))
    stack = []
    code = list(dis.get_instructions(function))
    steps = [f"{i.opname} {shown_arg(i)}".strip() for i in code]
    width = max(map(len, steps))
    for instr, step in zip(code, steps):
        name = instr.opname
        if name.startswith("LOAD_FAST"):  # and its 3.13+ fused forms
            loaded = instr.argval
            if not isinstance(loaded, tuple):
                loaded = (loaded,)
            stack.extend(local_vars[n] for n in loaded)
        elif name in ("LOAD_CONST", "LOAD_SMALL_INT"):
            stack.append(instr.argval)
        elif name == "STORE_FAST":
            local_vars[instr.argval] = stack.pop()
        elif name == "STORE_FAST_LOAD_FAST":  # 3.13+: store, then load
            store, load = instr.argval
            local_vars[store] = stack.pop()
            stack.append(local_vars[load])
        elif name == "BINARY_OP":
            right, left = stack.pop(), stack.pop()
            stack.append(OPERATORS[instr.argrepr](left, right))
        elif name == "RETURN_VALUE":
            result = stack.pop()
            print(f"{step:<{width}} returns {result}")
            return result
        elif name not in ("RESUME", "NOP", "NOT_TAKEN"):
            raise NotImplementedError(name)
        print(f"{step:<{width}} stack: {stack}")


result = trace(total, 20, 3)
assert result == total(20, 3)  # the toy machine agrees with CPython
