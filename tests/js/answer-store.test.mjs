// Where a learner's answers are kept (docs/assets/runner/answer-store.js), run
// under `node --test` with a fake storage: a full or blocked storage, an empty
// text, two tabs. tests/browser/test_kept_answers.py uses the real page.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createAnswerStore } from "../../docs/assets/runner/answer-store.js";

// localStorage's methods over a Map, shared by "tabs"; `full` makes setItem throw.
function fakeStorage() {
  const items = new Map();
  return {
    items,
    full: false,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (this.full) throw new DOMException("quota", "QuotaExceededError");
      items.set(key, String(value));
    },
    removeItem: (key) => items.delete(key),
  };
}

// A clock that moves on by a millisecond each time it is read.
function clock() {
  let time = 1_000;
  return () => ++time;
}

const STARTER = "def total(numbers):\n    return 0";

test("an answer is kept, read back, and removed when it is the starter again", () => {
  const storage = fakeStorage();
  const store = createAnswerStore(() => storage, clock());
  const answer = store.answer("ex-1", STARTER);
  assert.equal(answer.initial, STARTER);
  assert.equal(answer.save("def total(numbers):\n    return sum(numbers)"), "kept");
  assert.equal(store.answer("ex-1", STARTER).initial, "def total(numbers):\n    return sum(numbers)");
  assert.equal(answer.save(STARTER), "removed");
  assert.equal(storage.items.size, 0);
});

test("an empty text never replaces a kept answer", () => {
  const storage = fakeStorage();
  const store = createAnswerStore(() => storage, clock());
  const answer = store.answer("ex-1", STARTER);
  answer.save("x = 1");
  assert.equal(answer.save(""), "unchanged");
  assert.equal(store.read("ex-1")?.code, "x = 1");
});

test("a full storage says so and keeps what was kept before", () => {
  const storage = fakeStorage();
  const store = createAnswerStore(() => storage, clock());
  const answer = store.answer("ex-1", STARTER);
  answer.save("x = 1");
  storage.full = true;
  assert.equal(answer.save("x = 2"), "failed");
  assert.equal(store.read("ex-1")?.code, "x = 1");
});

test("a blocked storage says so, and the editor still starts with the starter", () => {
  const store = createAnswerStore(() => {
    throw new DOMException("blocked", "SecurityError");
  });
  const answer = store.answer("ex-1", STARTER);
  assert.equal(answer.initial, STARTER);
  assert.equal(answer.save("x = 1"), "failed");
});

test("an older tab never overwrites an answer a newer tab kept, until it adopts it", () => {
  const storage = fakeStorage();
  const now = clock();
  const older = createAnswerStore(() => storage, now).answer("ex-1", STARTER);
  const newer = createAnswerStore(() => storage, now).answer("ex-1", STARTER);
  assert.equal(newer.save("newest = True"), "kept");
  assert.equal(older.save("stale = True"), "newer-elsewhere");
  assert.equal(storage.items.get("ex-1") && JSON.parse(storage.items.get("ex-1")).code, "newest = True");
  assert.equal(older.adopt(), "newest = True");
  assert.equal(older.save("newest = True\nmore = 1"), "kept", "after adopting, its edits are kept again");
});

test("an answer kept by an earlier version of the site (plain text) is read as code", () => {
  const storage = fakeStorage();
  storage.items.set("ex-1", "legacy = 1");
  const answer = createAnswerStore(() => storage, clock()).answer("ex-1", STARTER);
  assert.equal(answer.initial, "legacy = 1");
  assert.equal(answer.save("legacy = 2"), "kept");
});
