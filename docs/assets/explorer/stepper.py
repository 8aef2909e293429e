"""The stepper's Python: runs a learner's code once and records every
instruction it executes, with the value stack, the frames and the objects the
names and stack slots point to. In the runner's worker (worker.js), in the
same globals as driver.py (whose _Restored it uses); its last expression is
the function worker.js keeps. The tests run it natively too.

CPython shows no value stack to Python code, so the stack is worked out: each
instruction's depth change is `dis.stack_effect`'s, and a slot holds a value
only where the run shows it (a name read or stored, a constant, a function's
return value, the exception a handler catches). Any other slot holds the
source of the expression that made it, marked as not seen. Events come from
`sys.monitoring` (3.12 and later) or `sys.settrace` opcode events (3.11).
"""

import dis
import json
import re
import reprlib
import sys
import traceback

FILENAME = "<explorer>"
STEP_LIMIT = 5_000
SHOWN_ITEMS = 8  # of a list, tuple, set or dict: the rest are counted
DEEPEST = 3  # objects reachable from a name or slot, drawn this many levels down
SHOWN_FRAMES = 5  # running frames drawn: the module's and the innermost; the rest are counted (deep recursion)
SHOWN_SUSPENDED = 3  # suspended generators drawn, the most recent
JUMPS = set(dis.hasjrel) | set(dis.hasjabs) | set(getattr(dis, "hasjump", ()))
STORES = {"STORE_FAST", "STORE_NAME", "STORE_GLOBAL", "STORE_DEREF", "STORE_FAST_MAYBE_NULL"}
NAME_LOADS = {
    "LOAD_FAST", "LOAD_FAST_CHECK", "LOAD_FAST_BORROW", "LOAD_FAST_AND_CLEAR",
    "LOAD_DEREF", "LOAD_CLASSDEREF", "LOAD_NAME", "LOAD_GLOBAL", "LOAD_FROM_DICT_OR_DEREF",
}  # fmt: skip
# Instructions that pop (or push nothing but what they load): the rest make a result.
ONLY_POPS = {
    "NOP", "RESUME", "CACHE", "EXTENDED_ARG", "NOT_TAKEN", "MAKE_CELL", "COPY_FREE_VARS", "KW_NAMES",
    "RETURN_GENERATOR", "POP_TOP", "POP_EXCEPT", "END_FOR", "POP_ITER", "RERAISE", "RAISE_VARARGS",
    "FOR_ITER", "COPY", "DUP_TOP", "SWAP", "SET_ADD", "MAP_ADD", "IMPORT_STAR", "PUSH_NULL",
}  # fmt: skip
ONLY_POPS_PREFIXES = ("JUMP", "POP_JUMP", "STORE_", "DELETE_", "RETURN", "LIST_", "DICT_")
# Pop one operand and push two: an attribute and its owner (or NULL), the parts of a sequence.
TWO_FROM_ONE = {"LOAD_METHOD", "LOAD_ATTR", "BEFORE_WITH", "BEFORE_ASYNC_WITH", "LOAD_SPECIAL"}
# What a slot holds, where the instruction's source would say too much (a whole `for` statement).
DESCRIBED = {"FOR_ITER": "the next item", "GET_ITER": "an iterator", "RETURN_GENERATOR": "a generator"}
CONSTANT_LOADS = {"LOAD_CONST", "LOAD_SMALL_INT", "LOAD_CONST_IMMORTAL", "LOAD_CONST_MORTAL", "LOAD_COMMON_CONSTANT"}
NOT_SEEN = object()
ATOMS = {int, float, complex, str, bytes, bool, type(None), range}
CODE_OBJECT = re.compile(r'<code object (\S+) at 0x[0-9a-f]+, file "[^"]*", line \d+>')  # said by its name

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 40
_short.maxlist = _short.maxtuple = _short.maxdict = _short.maxset = 4


class _StepLimit(BaseException):
    """Raised into the learner's code at the step limit (BaseException: a bare
    `except Exception` in their code must not swallow it)."""


class _Slot:
    """One entry of a value stack: the source that made it, and its value once seen."""

    __slots__ = ("expr", "value", "null", "view")

    def __init__(self, expr, value=NOT_SEEN, null=False):
        self.expr, self.value, self.null, self.view = expr, value, null, None


class _Code:
    """One code object of the learner's: its instructions, by offset."""

    def __init__(self, code, index, source_lines):
        self.index = index
        self.instructions = list(dis.get_instructions(code))
        self.at = {ins.offset: ins for ins in self.instructions}
        self.following = {a.offset: b.offset for a, b in zip(self.instructions, self.instructions[1:])}
        self.handlers = dis.Bytecode(code).exception_entries
        self.source_lines = source_lines
        self.name = code.co_qualname
        self.cells = set(code.co_cellvars)  # 3.13 loads their cells, not their values, with LOAD_FAST
        self.optimized = bool(code.co_flags & 1)  # CO_OPTIMIZED: a function, whose f_locals are its fast locals

    def target(self, ins):
        """Where a jump goes, or None for an instruction that never jumps."""
        if ins.opcode not in JUMPS:
            return None
        return getattr(ins, "jump_target", None) or ins.argval

    def expression(self, ins):
        """The source an instruction evaluates, on one line (from its positions)."""
        if ins.opname in DESCRIBED:
            return DESCRIBED[ins.opname]
        where = ins.positions
        if not where or where.lineno is None or where.col_offset is None:
            return ins.argrepr or ins.opname
        lines = self.source_lines[where.lineno - 1 : where.end_lineno]
        if not lines:
            return ins.argrepr or ins.opname
        if len(lines) == 1:
            text = lines[0].encode()[where.col_offset : where.end_col_offset].decode(errors="replace")
        else:
            text = " ".join(
                [lines[0].encode()[where.col_offset :].decode(errors="replace"), *lines[1:-1],
                 lines[-1].encode()[: where.end_col_offset].decode(errors="replace")]
            )  # fmt: skip
        text = " ".join(text.split())
        return text if len(text) <= 40 else text[:39] + "…"

    def rows(self):
        """[offset, line, name, argument, what it means] of each instruction, as dis lists them."""
        return [[ins.offset, ins.positions.lineno if ins.positions else None, ins.opname, ins.arg,
                 CODE_OBJECT.sub(r"code object \1", ins.argrepr)] for ins in self.instructions]  # fmt: skip


class _Frame:
    """What the stepper keeps of one running frame of the learner's code."""

    def __init__(self, frame, code, serial):
        self.frame, self.code, self.serial = frame, code, serial
        self.stack = []
        self.last = None  # the instruction that ran last: its stack change is made at the next event
        self.stores = []  # (slot, instruction) stored by it, seen at the next event
        self.raised = NOT_SEEN  # an exception on its way through this frame
        self.returned = None  # (code object, value) of the last call to return into it
        self.deferred = 0  # 3.11: the stack change of a PRECALL, made at its CALL
        self.resumed_from = None  # the yield a suspended generator resumes from
        self.caught = False  # this step landed on a handler


def _effect(ins, jump):
    oparg = ins.arg if ins.opcode >= dis.HAVE_ARGUMENT else None
    return dis.stack_effect(ins.opcode, oparg, jump=jump)


def _code_of(value):
    function = getattr(value, "__func__", value)
    return getattr(function, "__code__", None)


class Recorder:
    """Records a run, one event at a time (see Recorder.run)."""

    def __init__(self, code, source, limit):
        lines = source.splitlines()
        self.codes = {}
        pending = [code]
        while pending:
            each = pending.pop(0)
            self.codes[each] = _Code(each, len(self.codes), lines)
            pending += [const for const in each.co_consts if isinstance(const, type(code))]
        self.limit = limit
        self.frames = {}  # id(frame) -> _Frame, while it runs or is suspended
        self.started = 0  # frames so far: each has its number
        self.chain_of, self.chain = None, []  # the running frames, outermost first, as of the last step
        self.atoms = {}  # label -> view of an object that never changes (a number, a string, a function)
        self.steps = []
        self.kept, self.labels = [], {}  # every object shown, kept alive so that its id stays its own
        self.views, self.view_index = [], {}
        self.printed = []
        self.printed_length = 0

    # What the learner's code prints goes here, and each step notes how much there was.
    def write(self, text):
        self.printed.append(text)
        self.printed_length += len(text)
        return len(text)

    def flush(self):
        pass

    # Events, from either source (_monitor, _trace).
    def instruction(self, frame, offset):
        record = self._record(frame, offset)
        self._finish(record, offset)
        record.last = record.code.at.get(offset)
        if len(self.steps) >= self.limit:
            raise _StepLimit
        self._snapshot(frame, record)

    def returned(self, frame, value):
        record = self.frames.pop(id(frame), None)
        if record is None:
            return
        self._finish(record, None, value)
        caller = self.frames.get(id(frame.f_back))
        if caller is not None:
            caller.returned = (frame.f_code, value)

    def yielded(self, frame):
        record = self.frames.get(id(frame))
        if record is not None:
            at = record.last
            self._finish(record, None)
            record.resumed_from = at

    def raised(self, frame, exception):
        record = self.frames.get(id(frame))
        if record is not None:
            record.raised = exception

    def unwound(self, frame):
        record = self.frames.pop(id(frame), None)
        if record is not None:
            self._finish(record, None)

    def _record(self, frame, offset):
        record = self.frames.get(id(frame))
        if record is None:
            self.started += 1
            record = self.frames[id(frame)] = _Frame(frame, self.codes[frame.f_code], self.started)
            # First seen past its start (3.15 runs a generator expression's first
            # instructions before monitoring sees the frame): what ran is worked out.
            for ins in record.code.instructions:
                if ins.offset >= offset:
                    break
                self._apply(record, ins, _effect(ins, False), NOT_SEEN)
        return record

    def _finish(self, record, offset, returned=NOT_SEEN):
        """Makes the stack change of the record's last instruction, now that the
        next event shows where it went (`offset` None: the frame returned,
        yielded or unwound), and fills the slots that event shows."""
        ins, record.last = record.last, None
        if ins is not None:
            self._change(record, ins, offset, returned)
        elif record.resumed_from is not None and offset is not None:
            # A generator resumed: at a handler when it is closed or thrown into.
            handler = self._handler(record.code, record.resumed_from.offset, offset)
            if handler is not None:
                self._caught(record, handler)
        record.resumed_from = None
        if record.stores:
            frame, names = record.frame, _names(record.frame)
            for slot, name in record.stores:
                slot.value = names.get(name, frame.f_globals.get(name, NOT_SEEN))
            record.stores = []
        record.returned = None  # a return value belongs to the call that was waiting for it
        if offset is not None:
            record.raised = NOT_SEEN

    def _change(self, record, ins, offset, returned):
        if ins.opname == "PRECALL":  # 3.11: CPython pops the call's operands at the CALL after it
            record.deferred = _effect(ins, False)
            return
        code = record.code
        following, target = code.following.get(ins.offset), code.target(ins)
        # An exception raised here lands on its handler, which may be the next instruction too.
        handler = self._handler(code, ins.offset, offset)
        raised = record.raised is not NOT_SEEN or ins.opname in ("RAISE_VARARGS", "RERAISE")
        if handler is not None and (raised or offset not in (following, target)):
            self._caught(record, handler)
            return
        deferred, record.deferred = record.deferred, 0
        if offset not in (following, target):
            # Landed past the jump's target (from 3.12 a loop's end skips the END_FOR,
            # 3.13 its POP_TOP too) or past the next instruction (3.11 reports no
            # event after an EXTENDED_ARG): what was skipped changes the stack as if it ran.
            for start, jumped in ((target, True), (following, False)):
                skipped = self._skipped(code, start, offset)
                if skipped is not None:
                    self._apply(record, ins, _effect(ins, jumped) + deferred, returned)
                    for each in skipped:
                        self._apply(record, each, _effect(each, False), returned)
                    return
        jumped = offset == target and offset != following if target is not None else False
        if ins.opname.startswith("RETURN") or ins.opname == "YIELD_VALUE" and offset is None:
            jumped = False
        self._apply(record, ins, _effect(ins, jumped) + deferred, returned)

    def _caught(self, record, handler):
        """The stack as a handler starts: cut to its depth, then (if it says so)
        where the exception was raised, then the exception."""
        record.deferred = 0
        del record.stack[handler.depth :]
        if handler.lasti:
            record.stack.append(_Slot("where the exception was raised (lasti)"))
        record.stack.append(_Slot("the exception caught", record.raised))
        record.caught = True

    @staticmethod
    def _skipped(code, start, landed):
        """The instructions from `start` to where the frame landed, if it landed just past them."""
        if start is None or landed is None:
            return None
        skipped, offset = [], start
        while offset is not None and offset != landed and len(skipped) < 3:
            skipped.append(code.at[offset])
            offset = code.following.get(offset)
        return skipped if offset == landed else None

    def _handler(self, code, offset, landed):
        for entry in code.handlers:
            if entry.start <= offset < entry.end and entry.target == landed:
                return entry
        return None

    def _apply(self, record, ins, effect, returned):
        """Pops and pushes `effect` says, with what the instruction shows of the values."""
        stack, name = record.stack, ins.opname
        pushes = _pushes(ins, effect)
        popped = [stack.pop() for _ in range(min(len(stack), pushes - effect))][::-1]
        if (name in STORES or name.startswith("STORE_FAST_")) and (record.code.optimized or "FAST" not in name):
            stores = popped[::-1]  # the top is stored first, in the first name
            names = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
            record.stores += zip(stores, names)
        if name.startswith("RETURN") and popped:
            popped[-1].value = returned
        if name == "PUSH_EXC_INFO" and stack:  # the exception stays on top; the one handled before goes under it
            stack.insert(-1, _Slot("the exception handled before (sys.exception())"))
            return
        if name in ("COPY", "DUP_TOP") and stack:
            stack.append(stack[-ins.arg] if name == "COPY" else stack[-1])
            return
        if name == "SWAP" and len(stack) >= ins.arg:
            stack[-1], stack[-ins.arg] = stack[-ins.arg], stack[-1]
            return
        stack += self._made(record, ins, pushes, popped)

    def _made(self, record, ins, pushes, popped):
        """The slots an instruction pushes: values where they show."""
        if pushes == 0:
            return []
        name, expression = ins.opname, record.code.expression(ins)
        if name in ("PUSH_NULL",):
            return [_Slot("NULL", null=True)]
        if name in CONSTANT_LOADS or name in NAME_LOADS or "LOAD_FAST" in name:
            values = self._loaded(record, ins)
            slots = [_Slot(each, value) for each, value in values]
            if pushes == len(slots) + 1:  # a NULL beside a global that is called
                null = _Slot("NULL", null=True)
                slots = [null, *slots] if ins.argrepr.startswith("NULL") else [*slots, null]
            return slots[-pushes:]
        if name.startswith("CALL") and record.returned is not None:
            code, value = record.returned
            record.returned = None
            # The callable is the first or second slot a call pops (its args follow): a
            # function passed as an argument (a key, say) returns into this frame too.
            if pushes == 1 and any(_code_of(slot.value) is code for slot in popped[:2]):
                return [_Slot(expression, value)]
        if pushes == 2 and name in TWO_FROM_ONE and popped:
            # An attribute looked up to be called: the method and its owner, or NULL and the attribute.
            owner = popped[0].expr
            if sys.version_info >= (3, 13):
                return [_Slot(expression), _Slot(f"{owner} (or NULL)")]
            return [_Slot(f"{expression} (or NULL)"), _Slot(f"{owner} (or {expression})")]
        return [_Slot(expression) for _ in range(pushes)]

    def _loaded(self, record, ins):
        """(expression, value) for each value a load pushes, as the frame holds them now."""
        if ins.opname in CONSTANT_LOADS:
            shown = ins.argrepr if isinstance(ins.argval, type) else _short.repr(ins.argval)
            return [(shown, ins.argval)]
        names = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
        if ins.opname.startswith("STORE_FAST_LOAD_FAST"):
            names = names[1:]
        frame, found = record.frame, []
        local = _names(frame)
        if "FAST" in ins.opname and not record.code.optimized:
            # A module's inlined comprehension: its fast locals are not the module's names.
            return [(each, NOT_SEEN) for each in names]
        for each in names:
            if ins.opname == "LOAD_GLOBAL":
                value = frame.f_globals.get(each, frame.f_builtins.get(each, NOT_SEEN))
            elif ins.opname == "LOAD_NAME":
                value = local.get(each, frame.f_globals.get(each, frame.f_builtins.get(each, NOT_SEEN)))
            elif "FAST" in ins.opname and each in record.code.cells:
                each, value = f"the cell of {each}", NOT_SEEN
            else:
                value = local.get(each, NOT_SEEN)
            found.append((each, value))
        return found

    # Snapshots.
    def _snapshot(self, frame, record):
        # The frames that called this one do not change while it runs: walked again
        # only when another frame ran since (a call, a return, a generator resumed).
        if self.chain_of is not record or not self.chain or self.chain[-1] is not record:
            chain = []
            while frame is not None:
                if id(frame) in self.frames:
                    chain.append(self.frames[id(frame)])
                frame = frame.f_back
            chain.reverse()
            self.chain_of, self.chain = record, chain
        chain = self.chain
        running = set(map(id, chain))
        suspended = [each for each in self.frames.values() if id(each) not in running][-SHOWN_SUSPENDED:]
        # Deep recursion: the frames between the module's and the innermost are
        # counted, not drawn (drawing them made each step cost as much as the depth).
        folded = chain[1 : -(SHOWN_FRAMES - 1)] if len(chain) > SHOWN_FRAMES else []
        if folded:
            chain = [chain[0], *chain[-(SHOWN_FRAMES - 1) :]]
        shown = set()
        frames = [self._frame_view(each, "suspended", shown) for each in suspended]
        frames += [self._frame_view(each, "running", shown) for each in chain]
        if record.caught:  # this step is a handler's first: an exception was caught
            frames[-1]["caught"] = True
            record.caught = False
        step = {"frames": frames, "views": sorted(shown), "printed": self.printed_length}
        if folded:
            names = [each.code.name for each in folded]
            step["folded"] = {
                "after": len(suspended),
                "count": len(folded),
                "names": sorted(set(names), key=names.index),
            }
        self.steps.append(step)

    def _frame_view(self, record, state, shown):
        frame = record.frame
        names = [
            [name, self._seen(value, shown)]
            for name, value in _names(frame).items()
            if not (name.startswith("__") and name.endswith("__"))
        ]
        ins = record.last
        return {
            "frame": record.serial,
            "code": record.code.index,
            "state": state,
            "offset": ins.offset if ins else frame.f_lasti,
            "line": frame.f_lineno,
            "locals": names,
            "stack": [self._slot_view(slot, shown) for slot in record.stack],
        }

    def _slot_view(self, slot, shown):
        if slot.null:
            return {"null": True, "expr": "NULL"}
        if slot.value is NOT_SEEN:
            return {"expr": slot.expr}
        return {"expr": slot.expr, "slot": slot}  # the label is given at the end: a value may be seen later

    def _seen(self, value, shown, depth=0):
        """The object's label, with its view (and those it holds) added to `shown`."""
        label = self._label(value)
        key = self._view(value, label, shown, depth)
        shown.add(key)
        return label

    def _label(self, value):
        if id(value) not in self.labels:
            self.labels[id(value)] = len(self.kept) + 1
            self.kept.append(value)
        return self.labels[id(value)]

    def _view(self, value, label, shown, depth):
        if label in self.atoms:
            return self.atoms[label]
        kind = type(value).__name__
        children, more = [], 0
        if depth < DEEPEST:
            items = []
            if type(value) in (list, tuple, set, frozenset):
                items = [[str(index), each] for index, each in enumerate(value)]
            elif type(value) is dict:
                items = [[_short.repr(key), each] for key, each in value.items()]
            elif callable(value) and getattr(value, "__closure__", None):
                free = value.__code__.co_freevars
                items = [[name, _contents(cell)] for name, cell in zip(free, value.__closure__)]
            elif type(value).__module__ == "__main__" and isinstance(getattr(value, "__dict__", None), dict):
                items = list(map(list, vars(value).items()))
            more = max(0, len(items) - SHOWN_ITEMS)
            children = [
                [key, self._seen(each, shown, depth + 1)] for key, each in items[:SHOWN_ITEMS] if each is not NOT_SEEN
            ]
        text = _text(value)
        view = json.dumps([label, kind, text, children, more])
        if view not in self.view_index:
            self.view_index[view] = len(self.views)
            self.views.append(json.loads(view))
        if type(value) in ATOMS or isinstance(value, (type, type(_text))):
            self.atoms[label] = self.view_index[view]  # drawn once: it never changes
        return self.view_index[view]

    def trace(self, ended, message):
        """The whole run, for the page (JSON)."""
        for step in self.steps:
            shown = set(step["views"])
            labels = {self.views[each][0] for each in shown}
            for frame in step["frames"]:
                for entry in frame["stack"]:
                    slot = entry.pop("slot", None)
                    if slot is None:
                        continue
                    if slot.view is None:  # first drawn here: as it is at the end of the run
                        slot.view = set()
                        self._seen(slot.value, slot.view)
                    entry["ref"] = self._label(slot.value)
                    if entry["ref"] not in labels:  # else the step already draws it as it is then
                        shown |= slot.view
            step["views"] = sorted(shown)
        codes = sorted(self.codes.values(), key=lambda each: each.index)
        return json.dumps({
            "codes": [{"name": each.name, "rows": each.rows()} for each in codes],
            "views": self.views,
            "steps": self.steps,
            "printed": "".join(self.printed),
            "ended": ended,
            "message": message,
            "limit": self.limit,
        })  # fmt: skip


def _pushes(ins, effect):
    """How many slots an instruction pushes (its pops are this less its effect)."""
    name = ins.opname
    if name in TWO_FROM_ONE or name.startswith("UNPACK_"):
        return effect + 1
    if name == "PUSH_EXC_INFO":
        return 1
    if name == "LOAD_SUPER_ATTR":  # pops super, the class and self; pushes the attribute (and self or NULL)
        return effect + 3
    if name == "SEND":  # the value sent in is replaced by what the subgenerator yields (or returns)
        return max(0, effect + 1)
    if name in ONLY_POPS or name.startswith(ONLY_POPS_PREFIXES):
        return max(0, effect)
    return max(1, effect)  # anything else replaces its operands with a result (or pushes more)


def _names(frame):
    """The frame's names and their values now (a plain dict on every version)."""
    try:
        return dict(frame.f_locals)
    except Exception:  # a learner's mapping that fails to read
        return {}


def _contents(cell):
    try:
        return cell.cell_contents
    except ValueError:  # not yet set
        return NOT_SEEN


def _text(value):
    if isinstance(value, type(_text)):
        return f"function {value.__qualname__}"
    if isinstance(value, type):
        return f"class {value.__qualname__}"
    try:
        return _short.repr(value)
    except Exception as error:  # a learner's __repr__ that fails
        return f"<{type(value).__name__}: repr raised {type(error).__name__}>"


def _monitor(recorder, learner):
    """Feeds the recorder from sys.monitoring (3.12 and later)."""
    monitoring = sys.monitoring
    tool = next(each for each in range(6) if monitoring.get_tool(each) is None)
    monitoring.use_tool_id(tool, "stepper")
    events = monitoring.events
    local = events.INSTRUCTION | events.PY_RETURN | events.PY_YIELD
    for code in learner:
        monitoring.set_local_events(tool, code, local)
    monitoring.set_events(tool, events.RAISE | events.RERAISE | events.PY_UNWIND | events.EXCEPTION_HANDLED)

    def caller():
        return sys._getframe(2)  # the learner's frame: this function's caller is the callback

    def on_instruction(code, offset):
        if code in learner:
            recorder.instruction(caller(), offset)

    def on_return(code, offset, value):
        if code in learner:
            recorder.returned(caller(), value)

    def on_yield(code, offset, value):
        if code in learner:
            recorder.yielded(caller())

    def on_raise(code, offset, exception):
        if code in learner:
            recorder.raised(caller(), exception)

    def on_unwind(code, offset, exception):
        if code in learner:
            recorder.unwound(caller())

    for event, callback in (
        (events.INSTRUCTION, on_instruction), (events.PY_RETURN, on_return), (events.PY_YIELD, on_yield),
        (events.RAISE, on_raise), (events.RERAISE, on_raise), (events.EXCEPTION_HANDLED, on_raise),
        (events.PY_UNWIND, on_unwind),
    ):  # fmt: skip
        monitoring.register_callback(tool, event, callback)

    def stop():
        monitoring.set_events(tool, 0)
        for code in learner:
            monitoring.set_local_events(tool, code, 0)
        monitoring.free_tool_id(tool)

    return stop


def _trace(recorder, learner):
    """Feeds the recorder from sys.settrace's opcode events (3.11)."""

    def local(frame, event, arg):
        if event == "opcode":
            recorder.instruction(frame, frame.f_lasti)
        elif event == "exception":
            recorder.raised(frame, arg[1])
        elif event == "return":
            record = recorder.frames.get(id(frame))
            if record is not None and record.raised is not NOT_SEEN:
                recorder.unwound(frame)
            elif frame.f_code.co_code[frame.f_lasti] == dis.opmap["YIELD_VALUE"]:
                recorder.yielded(frame)
            else:
                recorder.returned(frame, arg)
        return local

    def calls(frame, event, arg):
        if frame.f_code not in learner:
            return None
        frame.f_trace_opcodes, frame.f_trace_lines = True, False
        return local(frame, event, arg)

    sys.settrace(calls)
    return lambda: sys.settrace(None)


def step(source, limit=STEP_LIMIT):
    """The run of `source` as JSON: see Recorder.trace. A syntax error gives
    no steps and Python's own message."""
    try:
        code = compile(source, FILENAME, "exec")
    except (SyntaxError, ValueError) as error:
        message = "".join(traceback.format_exception_only(type(error), error)).strip()
        return json.dumps({"codes": [], "views": [], "steps": [], "printed": "", "ended": "syntax", "message": message})
    recorder = Recorder(code, source, limit)
    learner = set(recorder.codes)
    ended, message = "ok", ""
    with _Restored():  # noqa: F821 (driver.py's: the interpreter is put back afterwards)
        stdout, stderr = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = recorder
        stop = (_monitor if hasattr(sys, "monitoring") else _trace)(recorder, learner)
        try:
            exec(code, {"__name__": "__main__"})
        except _StepLimit:
            ended, message = "limit", f"Stopped after {limit:,} steps: the stepper records at most that many."
        except BaseException as error:  # what the learner's code raised ends the run, as it would
            ended = "raised"
            message = "".join(traceback.format_exception(type(error), error, error.__traceback__.tb_next)).strip()
        finally:
            stop()
            sys.stdout, sys.stderr = stdout, stderr
    return recorder.trace(ended, message)


step  # noqa: B018 (the value runPython returns to JavaScript)
