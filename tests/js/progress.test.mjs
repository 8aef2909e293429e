import assert from "node:assert/strict";
import { test } from "node:test";
import { createProgress } from "../../docs/assets/runner/progress.js";

function fakeStorage() {
  const items = new Map();
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
  };
}

test("a passed exercise and an answered checkpoint are read back, each once", () => {
  const storage = fakeStorage();
  const progress = createProgress(() => storage, "/site/");
  assert.deepEqual(progress.read("m/lesson"), { exercises: [], checkpoints: [], quiz: [] });
  assert.equal(progress.mark("m/lesson", "exercises", 2), true);
  progress.mark("m/lesson", "exercises", 2);
  progress.mark("m/lesson", "checkpoints", "late-binding");
  assert.deepEqual(progress.read("m/lesson"), { exercises: [2], checkpoints: ["late-binding"], quiz: [] });
  assert.deepEqual(progress.read("m/other"), { exercises: [], checkpoints: [], quiz: [] });
});

test("two copies of the site on one origin keep their progress apart", () => {
  const storage = fakeStorage();
  createProgress(() => storage, "/one/").mark("m/lesson", "exercises", 1);
  assert.deepEqual(createProgress(() => storage, "/two/").read("m/lesson").exercises, []);
});

test("a damaged entry reads as nothing done, and blocked storage is said, not thrown", () => {
  const storage = fakeStorage();
  storage.setItem("/site/:m/lesson:progress", "{not json");
  const progress = createProgress(() => storage, "/site/");
  assert.deepEqual(progress.read("m/lesson"), { exercises: [], checkpoints: [], quiz: [] });
  const blocked = createProgress(() => {
    throw new Error("SecurityError");
  }, "/site/");
  assert.deepEqual(blocked.read("m/lesson"), { exercises: [], checkpoints: [], quiz: [] });
  assert.equal(blocked.mark("m/lesson", "exercises", 1), false);
});

test("quiz questions answered right are kept, and progress kept before the quiz existed still reads", () => {
  const storage = fakeStorage();
  storage.setItem("/site/:m/lesson:progress", JSON.stringify({ exercises: [1], checkpoints: [] }));
  const progress = createProgress(() => storage, "/site/");
  assert.deepEqual(progress.read("m/lesson"), { exercises: [1], checkpoints: [], quiz: [] });
  progress.mark("m/lesson", "quiz", 3);
  progress.mark("m/lesson", "quiz", 3);
  assert.deepEqual(progress.read("m/lesson").quiz, [3]);
});
