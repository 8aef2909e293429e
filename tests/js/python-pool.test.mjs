// The in-page runner's worker management (docs/assets/runner/python-pool.js),
// run under `node --test` with a fake Worker and Node's fake timers: the queue,
// Stop, the spare worker, the time limit and a failed start, without a browser
// or Pyodide. tests/browser/test_python_in_page.py runs the real thing.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createPython, NOT_STARTED, SPARE_AFTER_MS, START_LIMIT_MS } from "../../docs/assets/runner/python-pool.js";

// How a run that printed and ended normally resolves.
const RAN = { ok: true, ended: "ok" };

// Every promise callback queued so far has run (setImmediate is left real).
const settle = () => new Promise((resolve) => setImmediate(resolve));

// Where a promise stands, readable at any moment without awaiting it.
function track(promise) {
  const state = { done: false, value: undefined, error: undefined };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error) => Object.assign(state, { done: true, error }),
  );
  return state;
}

// A stand-in for worker.js. How it starts: "ready" (says so, as Pyodide does
// once loaded), "failed" (worker.js's own report), "crash" (the browser's error
// event) or "manual" (the test calls ready()). How it answers a job: "echo"
// (prints the code back and is done) or "manual" (the test answers, or never
// does: a run that loops for ever). Timers are Node's fake ones, moved on with
// t.mock.timers.tick(): a run's time limit never outlives its test.
function fakeWorld(t, { start = "ready", answer = "echo" } = {}) {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const world = { start, answer, workers: [], firstStarts: 0, failedStarts: [] };

  class FakeWorker {
    constructor(runtime) {
      this.runtime = runtime;
      this.jobs = [];
      this.terminated = false;
      this.onmessage = null;
      this.onerror = null;
      world.workers.push(this);
      const how = world.start;
      queueMicrotask(() => {
        if (how === "ready") this.ready();
        else if (how === "failed") this.say({ type: "failed", message: "pyodide.asm.wasm: 404" });
        else if (how === "crash") this.onerror?.({ message: "" });
      });
    }

    ready() {
      this.say({ type: "ready", version: "3.14.2" });
    }

    // What worker.js would post to the page; nothing once terminated.
    say(data) {
      if (!this.terminated) this.onmessage?.({ data });
    }

    postMessage(job) {
      assert.ok(!this.terminated, "a job was sent to a terminated worker");
      this.jobs.push(job);
      if (world.answer === "echo") queueMicrotask(() => this.finishRun(job, job.code));
    }

    finishRun(job, printed = "") {
      if (printed) this.say({ type: "out", id: job.id, text: printed });
      this.say({ type: "done", id: job.id, ended: "ok" });
    }

    terminate() {
      this.terminated = true;
    }
  }

  world.python = createPython({
    runtime: async () => {
      return { path: "assets/runtime/pyodide-314.0.8/", label: "CPython 3.14.2" };
    },
    createWorker: (runtime) => new FakeWorker(runtime),
    onFirstStart: () => {
      world.firstStarts += 1;
    },
    onStartFailed: (error) => world.failedStarts.push(error.message),
  });
  // A run of `code` for `owner`, as runner.js asks for one; what it printed is in .printed.
  world.run = (owner, code, limitS = 30) => {
    const printed = [];
    const result = world.python.exec(
      { type: "run", code, filename: `${owner}.py` },
      { owner, limitS, onOutput: (text) => printed.push(text) },
    );
    return Object.assign(track(result), { printed });
  };
  world.live = () => world.workers.filter((worker) => !worker.terminated);
  return world;
}

test("jobs run one at a time, in the order they were asked for, each getting its own output", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const first = world.run("block-1", "print(1)");
  const second = world.run("block-2", "print(2)");
  const third = world.run("block-3", "print(3)");
  await settle();
  assert.equal(world.workers.length, 1, "one Python for the page");
  const [worker] = world.workers;
  assert.deepEqual(
    worker.jobs.map((job) => job.code),
    ["print(1)"],
    "the second job waits until the first is done",
  );

  worker.finishRun(worker.jobs[0], "1\n");
  await settle();
  assert.deepEqual(first.value, RAN);
  assert.deepEqual(first.printed, ["1\n"]);
  assert.equal(second.done, false);
  assert.deepEqual(
    worker.jobs.map((job) => job.code),
    ["print(1)", "print(2)"],
  );

  worker.finishRun(worker.jobs[1], "2\n");
  await settle();
  worker.finishRun(worker.jobs[2], "3\n");
  await settle();
  assert.deepEqual([second.value, third.value], [RAN, RAN]);
  assert.deepEqual([second.printed, third.printed], [["2\n"], ["3\n"]], "no output crosses to another block");
  assert.equal(new Set(worker.jobs.map((job) => job.id)).size, 3, "each job has its own id");
  assert.equal(world.firstStarts, 1);
});

test("a late answer to an earlier job reaches nobody else", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const first = world.run("block-1", "print(1)");
  await settle();
  const [worker] = world.workers;
  const [job] = worker.jobs;
  worker.finishRun(job);
  await settle();
  const second = world.run("block-2", "print(2)");
  await settle();
  worker.say({ type: "out", id: job.id, text: "stale\n" });
  worker.say({ type: "done", id: job.id, ended: "raised" });
  await settle();
  assert.deepEqual(first.value, RAN);
  assert.equal(second.done, false, "the second run goes on");
  assert.deepEqual(second.printed, []);
});

test("Stop on a running job terminates its worker; the next job runs in a fresh one", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const looping = world.run("block-1", "while True: pass");
  await settle();
  const [first] = world.workers;
  assert.equal(first.jobs.length, 1);

  world.python.stop("block-1");
  await settle();
  assert.deepEqual(looping.value, { stopped: true });
  assert.ok(first.terminated, "terminating is the only way to stop running Python");
  assert.equal(world.workers.length, 2, "Python restarts at once, before the next Run");
  assert.equal(world.python.starting, null, "the new Python is ready");

  world.answer = "echo";
  const next = world.run("block-1", "print('again')");
  await settle();
  assert.deepEqual(next.value, RAN);
  assert.deepEqual(next.printed, ["print('again')"]);
  assert.equal(first.jobs.length, 1, "nothing more went to the stopped worker");
  assert.deepEqual(
    world.workers[1].jobs.map((job) => job.code),
    ["print('again')"],
  );
});

test("Stop on a waiting job answers it at once and leaves the others alone", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const running = world.run("block-1", "print(1)");
  const waiting = world.run("block-2", "print(2)");
  const after = world.run("block-3", "print(3)");
  await settle();

  world.python.stop("block-2");
  await settle();
  assert.deepEqual(waiting.value, { stopped: true }, "answered before the job ahead of it ends");
  assert.equal(running.done, false, "the running job goes on");
  const [worker] = world.workers;
  assert.equal(worker.terminated, false, "its worker is not touched");

  worker.finishRun(worker.jobs[0]);
  await settle();
  worker.finishRun(worker.jobs[1]);
  await settle();
  assert.deepEqual([running.value, after.value], [RAN, RAN]);
  assert.deepEqual(
    worker.jobs.map((job) => job.code),
    ["print(1)", "print(3)"],
    "the stopped job never reaches Python",
  );
  assert.equal(world.workers.length, 1);
});

test("Stop from a block with no job does nothing", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const running = world.run("block-1", "print(1)");
  await settle();
  world.python.stop("block-2");
  await settle();
  assert.equal(running.done, false);
  assert.equal(world.workers[0].terminated, false);
});

test("a spare Python starts only once a run has lasted SPARE_AFTER_MS, and Stop swaps to it", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const looping = world.run("block-1", "while True: pass");
  await settle();
  assert.equal(world.workers.length, 1);

  t.mock.timers.tick(SPARE_AFTER_MS - 1);
  await settle();
  assert.equal(world.workers.length, 1, "no spare for a run that may still end soon");

  t.mock.timers.tick(1);
  await settle();
  assert.equal(world.workers.length, 2, "a spare starts beside the long run");
  const [first, spare] = world.workers;
  assert.equal(spare.jobs.length, 0, "the spare only waits");

  world.python.stop("block-1");
  await settle();
  assert.deepEqual(looping.value, { stopped: true });
  assert.ok(first.terminated);
  assert.equal(world.workers.length, 2, "the spare takes over: no third worker");
  assert.equal(world.python.starting, null);

  world.answer = "echo";
  const next = world.run("block-1", "print('on the spare')");
  await settle();
  assert.deepEqual(next.value, RAN);
  assert.deepEqual(
    spare.jobs.map((job) => job.code),
    ["print('on the spare')"],
  );
});

test("a run that ends sooner than SPARE_AFTER_MS starts no spare", async (t) => {
  const world = fakeWorld(t);
  const quick = world.run("block-1", "print(1)");
  await settle();
  assert.deepEqual(quick.value, RAN);
  t.mock.timers.tick(60_000);
  await settle();
  assert.equal(world.workers.length, 1);
  assert.equal(world.workers[0].terminated, false, "the time limit is cleared with the run");
});

test("the time limit stops a run, says why, and the next run gets a new Python", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const looping = world.run("block-1", "while True: pass", 30);
  await settle();
  const [first] = world.workers;

  t.mock.timers.tick(29_999);
  await settle();
  assert.equal(looping.done, false, "not stopped before its 30 s");

  t.mock.timers.tick(1);
  await settle();
  assert.deepEqual(looping.value, {
    timedOut: true,
    message: "still running after 30 s: is there an endless loop?",
  });
  assert.ok(first.terminated);

  world.answer = "echo";
  const next = world.run("block-1", "print('fixed')");
  await settle();
  assert.deepEqual(next.value, RAN);
  assert.equal(world.live().length, 1, "one Python left: the spare started at SPARE_AFTER_MS");
  assert.equal(world.live()[0].jobs.length, 1);
});

test("Python dying in a run is said at once, and the next run gets a new Python", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const deep = world.run("block-1", "def f(): f()\nf()");
  await settle();
  const [first] = world.workers;
  first.say({ type: "crashed", id: first.jobs[0].id, message: "RangeError: Maximum call stack size exceeded" });
  await settle();
  assert.deepEqual(deep.value, { crashed: true, message: "RangeError: Maximum call stack size exceeded" });
  assert.ok(first.terminated, "the dead Python is let go");

  world.answer = "echo";
  const next = world.run("block-1", "print('fixed')");
  await settle();
  assert.deepEqual(next.value, RAN);
  assert.equal(world.live().length, 1);
});

test("a worker that fails after it started (the browser's error event) ends the run as a crash", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const running = world.run("block-1", "import os; os._exit(1)");
  await settle();
  world.workers[0].onerror?.({ message: "Uncaught ExitStatus" });
  await settle();
  assert.deepEqual(running.value, { crashed: true, message: "Uncaught ExitStatus" });
});

test("a start that stalls fails at START_LIMIT_MS, says so, and the next job starts Python again", async (t) => {
  const world = fakeWorld(t, { start: "manual" });
  const first = world.run("block-1", "print(1)");
  await settle();
  t.mock.timers.tick(START_LIMIT_MS - 1);
  await settle();
  assert.equal(first.done, false, "still starting");
  t.mock.timers.tick(1);
  await settle();
  assert.equal(first.error?.message, NOT_STARTED);
  assert.deepEqual(world.failedStarts, [NOT_STARTED], "the page is told, to drop the kept runtime");
  assert.ok(world.workers[0].terminated);

  world.start = "ready";
  const second = world.run("block-1", "print(2)");
  await settle();
  assert.deepEqual(second.value, RAN);
});

test("an exercise check has its own, shorter limit", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const checking = track(world.python.exec({ type: "check", code: "" }, { owner: "exercise-6", limitS: 10 }));
  await settle();
  t.mock.timers.tick(9_999);
  await settle();
  assert.equal(checking.done, false);
  t.mock.timers.tick(1);
  await settle();
  assert.deepEqual(checking.value, {
    timedOut: true,
    message: "still running after 10 s: is there an endless loop?",
  });
});

test("a check resolves with the checker's verdict", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  const checking = track(world.python.exec({ type: "check", code: "x = 1" }, { owner: "exercise-1", limitS: 10 }));
  await settle();
  const [job] = world.workers[0].jobs;
  assert.equal(job.type, "check");
  world.workers[0].say({ type: "checked", id: job.id, passed: false, message: "no", printed: "hi\n" });
  await settle();
  assert.deepEqual(checking.value, { type: "checked", id: job.id, passed: false, message: "no", printed: "hi\n" });
});

for (const [how, message] of [
  ["failed", "pyodide.asm.wasm: 404"],
  ["crash", "Python could not start"],
]) {
  test(`a start that fails (${how}) rejects the job, and the next job starts Python again`, async (t) => {
    const world = fakeWorld(t, { start: how });
    const first = world.run("block-1", "print(1)");
    await settle();
    assert.ok(first.error instanceof Error, "the job rejects");
    assert.equal(first.error.message, message);
    assert.ok(world.workers[0].terminated, "the broken worker is let go");
    assert.equal(world.firstStarts, 0);

    world.start = "ready";
    const second = world.run("block-1", "print(2)");
    await settle();
    assert.equal(world.workers.length, 2, "a new worker, not the broken one");
    assert.deepEqual(second.value, RAN);
    assert.equal(world.firstStarts, 1);
  });
}

test("Stop while Python starts gives up on that start", async (t) => {
  const world = fakeWorld(t, { start: "manual" });
  const starting = world.run("block-1", "print(1)");
  await settle();
  assert.equal(world.workers.length, 1);

  world.python.stop("block-1");
  await settle();
  assert.equal(starting.error?.message, "stopped", "runner.js shows this as Stopped");
  assert.ok(world.workers[0].terminated);

  world.start = "ready";
  const next = world.run("block-1", "print(2)");
  await settle();
  assert.deepEqual(next.value, RAN);
  assert.equal(world.workers.length, 2);
});

test("says what a block waits for: the first start, a restart, or nothing once ready", async (t) => {
  const world = fakeWorld(t, { answer: "manual" });
  assert.match(world.python.starting, /^Starting Python in this browser/);
  world.run("block-1", "while True: pass");
  await settle();
  assert.equal(world.python.starting, null);
  world.start = "manual";
  world.python.stop("block-1");
  await settle();
  assert.equal(world.python.starting, "Restarting Python…");
  world.workers[1].ready();
  await settle();
  assert.equal(world.python.starting, null);
  assert.equal(world.firstStarts, 1, "what is kept for offline is asked for once");
});

test("the first start says how much has arrived, to the block waiting for it only", async (t) => {
  const world = fakeWorld(t, { start: "manual" });
  const heard = [];
  const waiting = track(
    world.python.exec(
      { type: "run", code: "print(1)", filename: "a.py" },
      { owner: "block-1", limitS: 30, onProgress: () => heard.push(world.python.starting) },
    ),
  );
  await settle();
  const [worker] = world.workers;
  worker.say({ type: "progress", percent: 40 });
  worker.say({ type: "progress", percent: 97 });
  worker.say({ type: "progress", percent: 99 }); // all but the last bytes: Python compiles and starts now
  assert.deepEqual(heard, [
    "Starting Python in this browser: 40% of about 6 MB downloaded (only the first time)…",
    "Starting Python in this browser: 97% of about 6 MB downloaded (only the first time)…",
    "Starting Python in this browser: downloaded, now getting it ready…",
  ]);
  worker.ready();
  await settle();
  assert.deepEqual(waiting.value, RAN);
  worker.say({ type: "progress", percent: 99 }); // too late: nobody waits now
  assert.equal(heard.length, 3);
  assert.equal(world.python.starting, null);
});
