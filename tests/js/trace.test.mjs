// What the stepper reads from a recorded run (docs/assets/explorer/trace.js).
// tests/browser/test_explorer.py steps through a real run in the page.
import assert from "node:assert/strict";
import { test } from "node:test";

import { describe, instructionText, lineStep, pointers } from "../../docs/assets/explorer/trace.js";

// A run's shape, as stepper.py records it: frame 1 (the module) calls frame 2 (f) on line 3.
const frame = (number, line, offset, stack = [], locals = []) => ({
  frame: number,
  code: number - 1,
  state: "running",
  offset,
  line,
  locals,
  stack,
});
const module = (line, offset, stack = []) => ({ frames: [frame(1, line, offset, stack)], views: [], printed: 0 });
const inF = (line, offset) => ({ frames: [frame(1, 3, 8), frame(2, line, offset)], views: [], printed: 0 });
const TRACE = {
  codes: [
    {
      name: "<module>",
      rows: [
        [0, 1, "LOAD_SMALL_INT", 2, ""],
        [2, 1, "STORE_NAME", 0, "a"],
        [4, 3, "LOAD_NAME", 1, "f"],
        [8, 3, "CALL", 0, ""],
      ],
    },
    { name: "f", rows: [[0, 2, "RETURN_CONST", 0, "None"]] },
  ],
  views: [],
  steps: [module(1, 0), module(1, 2, [{ expr: "2", ref: 1 }]), module(3, 4), module(3, 8), inF(2, 0)],
  printed: "",
  ended: "ok",
  message: "",
};

test("an instruction is written as dis writes it: name, argument, (meaning)", () => {
  assert.equal(instructionText([0, 1, "LOAD_SMALL_INT", 2, ""]), "LOAD_SMALL_INT 2");
  assert.equal(instructionText([2, 1, "STORE_NAME", 0, "a"]), "STORE_NAME 0 (a)");
  assert.equal(instructionText([4, 1, "RETURN_VALUE", null, ""]), "RETURN_VALUE");
});

test("a line forward is the first step on another line, or in another frame", () => {
  assert.equal(lineStep(TRACE, 0, 1), 2); // line 1 -> line 3
  assert.equal(lineStep(TRACE, 2, 1), 4); // line 3 -> into f
  assert.equal(lineStep(TRACE, 4, 1), 4); // the last step stays
});

test("a line back is the first step of the line before", () => {
  assert.equal(lineStep(TRACE, 4, -1), 2); // from f back to the start of line 3
  assert.equal(lineStep(TRACE, 3, -1), 0); // from the middle of line 3 to the start of line 1
  assert.equal(lineStep(TRACE, 1, -1), 0);
});

test("a step is said with its place, its next instruction and its stack's depth", () => {
  assert.equal(describe(TRACE, 1), "Step 2 of 5: line 1, next STORE_NAME 0 (a), 1 on the stack.");
  assert.equal(describe(TRACE, 4), "Step 5 of 5: line 2 in f, next RETURN_CONST 0 (None), stack empty.");
  const caught = structuredClone(TRACE);
  Object.assign(caught.steps[1].frames[0], { caught: true });
  assert.equal(
    describe(caught, 1),
    "Step 2 of 5: line 1, next STORE_NAME 0 (a), 1 on the stack. An exception was caught: its handler starts here.",
  );
});

test("two names for one object are counted as two pointers to it", () => {
  const step = {
    frames: [
      frame(
        1,
        1,
        0,
        [{ expr: "xs", ref: 7 }],
        [
          ["xs", 7],
          ["ys", 7],
          ["n", 3],
        ],
      ),
    ],
    views: [],
    printed: 0,
  };
  assert.deepEqual(
    [...pointers(TRACE, step)],
    [
      [7, 3],
      [3, 1],
    ],
  );
});
