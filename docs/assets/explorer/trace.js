// @ts-check
// What the stepper reads from a recorded run (stepper.py's Recorder.trace),
// without a page: where a step is, where the next or previous line starts,
// and what a step is said as. stepper-view.js draws it; tests/js/trace.test.mjs
// runs these under node --test.

/**
 * @typedef {{ expr: string, ref?: number, null?: boolean }} Slot a value stack entry: its source, and its object once seen
 * @typedef {{ frame: number, code: number, state: "running" | "suspended", offset: number, line: number | null,
 *   locals: [string, number][], stack: Slot[], caught?: boolean }} Frame `caught`: an exception landed it on a handler
 * @typedef {{ frames: Frame[], views: number[], printed: number,
 *   folded?: { after: number, count: number, names: string[] } }} Step `folded`: running frames not drawn (deep recursion)
 * @typedef {[number, string, string, [string, number][], number]} View an object: label, type, text, what it holds, how many more
 * @typedef {[number, number | null, string, number | null, string]} Row an instruction: offset, line, name, argument, what it means
 * @typedef {{ name: string, rows: Row[] }} Code
 * @typedef {{ codes: Code[], views: View[], steps: Step[], printed: string, ended: string, message: string, limit?: number }} Trace
 */

/** @param {Step} step @returns {Frame} the frame whose instruction runs next */
export const current = (step) => /** @type {Frame} */ (step.frames.at(-1));

/** @param {Step} step @returns {string} a step's place: its frame and line */
const place = (step) => `${current(step).frame}:${current(step).line}`;

/**
 * The step a line's button goes to: forward, the first step on another line
 * (or in another frame: a call is entered); back, the first step of the line
 * before. The last or first step when there is none.
 * @param {Trace} trace
 * @param {number} at
 * @param {1 | -1} direction
 */
export function lineStep(trace, at, direction) {
  const { steps } = trace;
  const here = place(steps[at]);
  if (direction > 0) {
    for (let index = at + 1; index < steps.length; index++) if (place(steps[index]) !== here) return index;
    return steps.length - 1;
  }
  let index = at;
  while (index > 0 && place(steps[index - 1]) === here) index--; // this line's first step
  if (index === 0) return 0;
  const before = place(steps[index - 1]);
  index -= 1;
  while (index > 0 && place(steps[index - 1]) === before) index--;
  return index;
}

/** @param {Row} row @returns {string} an instruction as dis writes it: name, argument, (meaning) */
export function instructionText([, , opname, arg, argrepr]) {
  return [opname, arg ?? "", argrepr ? `(${argrepr})` : ""].filter((part) => part !== "").join(" ");
}

/**
 * The instruction a step is about to run, and its row in its code's listing.
 * @param {Trace} trace
 * @param {Step} step
 * @returns {{ text: string, row: number }}
 */
export function instructionAt(trace, step) {
  const frame = current(step);
  const rows = trace.codes[frame.code].rows;
  const row = rows.findIndex(([offset]) => offset === frame.offset);
  return { text: row < 0 ? "?" : instructionText(rows[row]), row };
}

/**
 * A step in words, for the position line and screen readers.
 * @param {Trace} trace
 * @param {number} at
 */
export function describe(trace, at) {
  const step = trace.steps[at];
  const frame = current(step);
  const name = trace.codes[frame.code].name;
  const where = name === "<module>" ? "" : ` in ${name}`;
  const { text } = instructionAt(trace, step);
  const caught = frame.caught ? " An exception was caught: its handler starts here." : "";
  return `Step ${at + 1} of ${trace.steps.length}: ${lineWords(frame.line)}${where}, next ${text}, ${depthWords(frame.stack.length)}.${caught}`;
}

/**
 * A frame's line in words: some instructions (a handler's first) have none.
 * @param {number | null} line
 */
export const lineWords = (line) => (line ? `line ${line}` : "no source line");

/** @param {number} depth */
const depthWords = (depth) => (depth === 0 ? "stack empty" : `${depth} on the stack`);

/**
 * The objects a step draws, by label (a step lists each object once, as it is then).
 * @param {Trace} trace
 * @param {Step} step
 * @returns {Map<number, View>}
 */
export function objectsAt(trace, step) {
  return new Map(step.views.map((index) => [trace.views[index][0], trace.views[index]]));
}

/**
 * How many references each object drawn in a step has (names, stack slots,
 * and the items of objects drawn): two or more is one object reached two ways,
 * which the view says in words too.
 * @param {Trace} trace
 * @param {Step} step
 * @returns {Map<number, number>}
 */
export function pointers(trace, step) {
  const counts = new Map();
  const add = (/** @type {number | undefined} */ ref) => {
    if (ref !== undefined) counts.set(ref, (counts.get(ref) ?? 0) + 1);
  };
  for (const frame of step.frames) {
    for (const [, ref] of frame.locals) add(ref);
    for (const slot of frame.stack) add(slot.ref);
  }
  for (const [, , , children] of objectsAt(trace, step).values()) for (const [, ref] of children) add(ref);
  return counts;
}
