// The closing quiz's scoring (docs/assets/runner/quiz.js); the form itself is
// driven in a browser by tests/browser/test_quiz.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import { score, summary } from "../../docs/assets/runner/quiz.js";

test("each pick is right, wrong or not made, and only the right ones count", () => {
  assert.deepEqual(score(["a", "b", null], ["a", "c", "d"]), { verdicts: ["right", "wrong", "unanswered"], right: 1 });
  assert.deepEqual(score(["2", "2"], ["2", "2"]).right, 2);
});

test("the summary says what to do next", () => {
  assert.equal(summary(5, 5, 0), "5 of 5 right. Well done.");
  assert.equal(summary(3, 5, 0), "3 of 5 right. Read again what you missed, then check once more.");
  assert.equal(summary(2, 5, 2), "2 of 5 right; 2 not answered yet.");
});
