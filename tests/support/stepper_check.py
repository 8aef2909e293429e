"""Checks the stepper's runs from inside the Python that made them: run as a
program (tests/support/stepper.py embeds this file, driver.py and stepper.py),
natively or in Pyodide. For each program it prints one JSON line: how the run
ended, its steps, and what disagrees.

- Depth: between two steps of one frame, the stack changes by what
  `dis.stack_effect` says of the instruction between them, on this build
  (taken or not as the run went; a handler's depth from the exception table).
- Values (64-bit CPython 3.11-3.13, where ctypes can read the frame): each
  slot the stepper shows a value in holds that very object in CPython's own
  value stack at that step. 3.14 tags the stack's pointers, and Pyodide is
  32-bit: there, depth only.
"""

import ctypes
import dis
import json
import sys

# _PyInterpreterFrame of 3.11-3.13 on 64 bits: eight pointers, stacktop, then the locals and the stack.
LOCALSPLUS, STACKTOP, F_FRAME = 72, 64, 24
READS_STACK = (3, 11) <= sys.version_info < (3, 14) and sys.maxsize > 2**32 and sys.platform != "emscripten"


def _frame_memory(frame):
    interpreter_frame = ctypes.c_void_p.from_address(id(frame) + F_FRAME).value
    code = frame.f_code
    locals_count = len(set(code.co_varnames) | set(code.co_cellvars)) + len(code.co_freevars)
    return interpreter_frame, locals_count


def real_depth(frame):
    """3.11 only: CPython stores the stack's top in the frame before a trace call."""
    memory, locals_count = _frame_memory(frame)
    return ctypes.c_int.from_address(memory + STACKTOP).value - locals_count


def real_slots(frame, count):
    """The addresses in the frame's first `count` stack slots (never read through)."""
    memory, locals_count = _frame_memory(frame)
    base = memory + LOCALSPLUS + 8 * locals_count
    return [ctypes.c_void_p.from_address(base + 8 * i).value or 0 for i in range(count)]


def watch(recorder_class):
    """Notes the real stack at each step the recorder takes."""
    if hasattr(recorder_class, "watched"):
        return
    recorder_class.watched = True
    record = recorder_class.instruction

    def instruction(self, frame, offset):
        record(self, frame, offset)
        shown = len(self.steps[-1]["frames"][-1]["stack"])
        depth = real_depth(frame) if sys.version_info < (3, 12) else None
        self.real = [*getattr(self, "real", []), (depth, real_slots(frame, shown))]

    recorder_class.instruction = instruction


def codes_of(source):
    """The program's code objects, numbered as the stepper numbers them."""
    found = [compile(source, "<explorer>", "exec")]
    for code in found:
        found += [const for const in code.co_consts if isinstance(const, type(code))]
    return found


def effect(each, jump):
    return dis.stack_effect(each.opcode, each.arg if each.opcode >= dis.HAVE_ARGUMENT else None, jump=jump)


def depth_at_start(code, offset):
    """A frame first seen at `offset`: what the instructions before it pushed
    (3.15 runs a generator expression's first ones before monitoring sees it)."""
    depth = 0
    for ins in dis.get_instructions(code):
        if ins.offset >= offset:
            break
        depth = max(0, depth + effect(ins, False))  # a generator's first POP_TOP pops what resuming it pushes
    return depth


def depth_after(code, offset, landed, depth, deferred, caught):
    """(depth, deferred) at `landed`, after the instruction at `offset` ran
    (`caught`: the stepper says an exception landed it on a handler)."""
    instructions = {ins.offset: ins for ins in dis.get_instructions(code)}
    order = sorted(instructions)
    following = {a: b for a, b in zip(order, order[1:])}
    ins = instructions[offset]

    handlers = [
        entry
        for entry in dis.Bytecode(code).exception_entries
        if entry.start <= offset < entry.end and entry.target == landed
    ]
    if caught:
        assert handlers, f"{code.co_qualname}: no handler at {landed} for offset {offset}"
        return handlers[0].depth + int(handlers[0].lasti) + 1, 0
    if ins.opname == "PRECALL":  # 3.11: the CALL after it pops what PRECALL's effect counts
        return depth, effect(ins, False)
    jumps = set(dis.hasjrel) | set(dis.hasjabs) | set(getattr(dis, "hasjump", ()))
    target = (getattr(ins, "jump_target", None) or ins.argval) if ins.opcode in jumps else None
    if landed == following.get(offset):
        return depth + effect(ins, False) + deferred, 0
    if landed == target:
        return depth + effect(ins, True) + deferred, 0
    if handlers:
        return handlers[0].depth + int(handlers[0].lasti) + 1, 0
    # Landed past the target (a loop's end skips END_FOR) or past the next
    # instruction (a generator resumes after the RESUME that follows its yield,
    # 3.11 reports nothing after an EXTENDED_ARG).
    for walked, total in ((target, depth + effect(ins, True)), (following.get(offset), depth + effect(ins, False))):
        while walked is not None and walked != landed and walked in instructions:
            total += effect(instructions[walked], False)
            walked = following.get(walked)
        if walked == landed:
            return total, 0
    raise AssertionError(f"{code.co_qualname}: offset {offset} cannot reach {landed}")


def check(source, step, recorder_class):
    if READS_STACK:
        watch(recorder_class)
    recorders = []
    start = recorder_class.__init__

    def keep(self, *args):
        start(self, *args)
        recorders.append(self)

    recorder_class.__init__ = keep
    trace = json.loads(step(source))
    recorder_class.__init__ = start
    codes = codes_of(source)
    problems, values_checked = [], 0
    last = {}  # frame number -> (code, offset, depth, deferred)
    for number, each in enumerate(trace["steps"]):
        frame = each["frames"][-1]
        code, offset, depth = codes[frame["code"]], frame["offset"], len(frame["stack"])
        where = f"step {number}, {code.co_qualname} at {offset}"
        if frame["frame"] in last:
            before_code, before_offset, before_depth, deferred = last[frame["frame"]]
            caught = frame.get("caught", False)
            expected, deferred = depth_after(before_code, before_offset, offset, before_depth, deferred, caught)
            if expected != depth:
                problems.append(f"{where}: depth {depth}, stack_effect gives {expected}")
        else:
            deferred = 0
            if depth != depth_at_start(code, offset):
                problems.append(f"{where}: a new frame starts with {depth} slots, not {depth_at_start(code, offset)}")
        last[frame["frame"]] = (code, offset, depth, deferred)
        if READS_STACK:
            real, slots = recorders[0].real[number]
            if real is not None and real != depth:
                problems.append(f"{where}: depth {depth}, CPython's stack holds {real}")
            for index, (entry, address) in enumerate(zip(frame["stack"], slots)):
                if "ref" in entry:
                    values_checked += 1
                    shown = recorders[0].kept[entry["ref"] - 1]
                    if id(shown) != address:
                        problems.append(f"{where}: slot {index} shows {shown!r}, CPython's stack holds another object")
    return {
        "ended": trace["ended"],
        "steps": len(trace["steps"]),
        "depths": [len(each["frames"][-1]["stack"]) for each in trace["steps"]],
        "printed": trace["printed"],
        "problems": problems,
        "values_checked": values_checked,
        "values_shown": sum(1 for each in trace["steps"] for e in each["frames"][-1]["stack"] if "ref" in e),
        "reads_stack": READS_STACK,
    }
