// @ts-check
// The reader's Python: Pyodide in a Web Worker, so a long or endless run never
// freezes the page. python-pool.js stops a run by terminating this worker (GitHub
// Pages cannot send the headers SharedArrayBuffer needs, so there is no
// interrupt buffer) and starts a fresh one. driver.py runs the code and puts
// the interpreter back as it was after each run.
//
// Messages in:  {type: "run", id, code, filename}
//               {type: "check", id, code, number, lesson, preamble}
//               {type: "explore", id, source, runs}: the bytecode explorer's listing
//               {type: "step", id, source, limit}: the stepper's record of a run
// Messages out: {type: "ready", version} | {type: "failed", message}
//               {type: "progress", percent}: of the runtime's files, while it starts
//               {type: "out", id, text} | {type: "done", id, ended}
//               {type: "checked", id, passed, message, printed}
//               {type: "explored", id, listing, problem, specialised}: specialised names and their families
//               {type: "stepped", id, trace}: stepper.py's record, as JSON
//               {type: "crashed", id, message}: Python itself died; start another
const MAX_OUTPUT = 100_000; // characters of a run's output sent to the page
const CUT = "\n… (output cut here: over 100,000 characters)\n";
// Output goes to the page as it is written, but a flood (more than DIRECT
// writes within BATCH_MS) is sent in batches, one per BATCH_MS: a loop of
// tiny writes must not flood the page with messages (it froze for a minute).
// Empty writes send nothing.
const BATCH_MS = 50;
const DIRECT = 200; // 4,000 messages a second at most: the page keeps up
// This module's own address (the worker itself starts from a blob: URL, runner.js).
const params = new URL(import.meta.url).searchParams;
const indexURL = new URL(params.get("runtime") ?? "", import.meta.url).href; // the site's own copy
const tryItURL = new URL(params.get("tryIt") ?? "", import.meta.url).href;
// What the start fetches, in bytes as read (runner.js sums runtime.json's sizes).
const startBytes = Number(params.get("bytes")) || 0;

/** @type {(filename: string, code: string, write: (text: string) => void) => string} driver.py's run_snippet */
let runSnippet;
/** @type {(lesson: string, number: number, code: string, preamble: string, limit: number) => { toJs(): [boolean, string, string] }} */
let checkExercise;
/** @type {((source: string, runs: number, limit: number) => { toJs(): [string, string, string] }) | undefined} bytecode.py's explore */
let explore;
/** @type {((source: string, limit: number) => string) | undefined} stepper.py's step */
let step;
/** @type {import("pyodide").PyodideInterface} */
let pyodide;
/** @type {Set<string>} */
const loadedLessons = new Set();

// Pyodide waits for ever when its .wasm answers with an error (it logs "wasm
// instantiation failed!"), so the start watches its downloads itself: any
// that fails ends the start, with the answer's own words (the service worker
// says when a file did not arrive intact). It counts what arrives too, so
// that the reader sees the first start's download move.
const siteFetch = self.fetch;
/** @returns {Promise<never>} */
function aFileFails() {
  return new Promise((_, reject) => {
    self.fetch = async (input, init) => {
      const response = await siteFetch(input, init);
      if (!response.ok) {
        const said = (await response.clone().text()).slice(0, 200);
        reject(new Error(`${response.url.split("/").pop()}: ${said || `${response.status} ${response.statusText}`}`));
      }
      return counted(response);
    };
  });
}

let arrived = 0;
let saidPercent = 0;
/** @param {Response} response the same answer, its body counted as it is read */
function counted(response) {
  if (!response.ok || !response.body || !startBytes) return response;
  const counter = new TransformStream({
    transform(chunk, stream) {
      arrived += chunk.byteLength;
      // Once a percent, and never 100 before Python is ready.
      const percent = Math.min(99, Math.floor((100 * arrived) / startBytes));
      if (percent > saidPercent) {
        saidPercent = percent;
        postMessage({ type: "progress", percent });
      }
      stream.enqueue(chunk);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
}

async function start() {
  /** @type {typeof import("pyodide")} */
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  // indexURL on this site, no packages: nothing is ever asked of another origin.
  pyodide = await Promise.race([loadPyodide({ indexURL, packages: [], stdin: () => null }), aFileFails()]).finally(
    () => {
      self.fetch = siteFetch;
    },
  );
  const driver = await (await fetch(new URL("driver.py", import.meta.url))).text();
  runSnippet = pyodide.runPython(driver);
  checkExercise = pyodide.globals.get("check_exercise");
  const version = pyodide.runPython("import platform; platform.python_version()");
  postMessage({ type: "ready", version });
}

// The files `python exercises.py` uses, laid out as in the repository, so
// exercises.py finds exercise_checker.py exactly as it does on a computer.
/** @param {string} lesson */
async function loadLesson(lesson) {
  if (loadedLessons.has(lesson)) return;
  const [module] = lesson.split("/");
  const files = {
    [`/snippets/${module}/exercise_checker.py`]: `${tryItURL}${module}/exercise_checker.py`,
    [`/snippets/${lesson}/try-it/exercises.py`]: `${tryItURL}${lesson}/exercises.py`,
  };
  for (const [path, url] of Object.entries(files)) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load ${url}`);
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, await response.text());
  }
  loadedLessons.add(lesson);
}

// The explorer's Python (its listings, its stepper), each loaded when first
// used: it shares the driver's globals, so that a run it makes puts the
// interpreter back as a Run does.
/** @param {string} file @returns {Promise<any>} the function the file ends with */
async function loadExplorerPython(file) {
  const response = await fetch(new URL(`../explorer/${file}`, import.meta.url));
  if (!response.ok) throw new Error(`could not load ${file}: ${response.status}`);
  return pyodide.runPython(await response.text());
}

// Said in words: an error thrown as a plain object read "[object Object]".
const inWords = (/** @type {any} */ error) => {
  const words = String(error?.message ?? error);
  return words === "[object Object]" ? "an error with no message" : words;
};
const ready = start().catch((error) => postMessage({ type: "failed", message: inWords(error) }));

/**
 * Sends what a run prints to the page, no more than MAX_OUTPUT characters in
 * all however the run writes it (one huge write, or millions of small ones).
 * Python holds the worker while it runs, so nothing can be sent on a timer:
 * a write is sent at once unless it is part of a flood, whose held part goes
 * with the next write after BATCH_MS, or when the run ends.
 * @param {number} id
 */
function outputTo(id) {
  let room = MAX_OUTPUT;
  let pending = "";
  let windowStart = -Infinity;
  let writesInWindow = 0;
  const flush = () => {
    if (pending) postMessage({ type: "out", id, text: pending });
    pending = "";
  };
  /** @param {string} text */
  const write = (text) => {
    if (room <= 0 || !text) return;
    const kept = text.slice(0, room);
    room -= kept.length;
    pending += room > 0 ? kept : kept + CUT;
    const now = performance.now();
    if (now - windowStart >= BATCH_MS) {
      windowStart = now;
      writesInWindow = 0;
    }
    writesInWindow += 1;
    if (writesInWindow <= DIRECT) flush();
  };
  return { write, flush };
}

/** @param {unknown} error what Pyodide threw when Python itself died */
const crashed = (error) => inWords(error).split("\n")[0].slice(0, 200);

self.onmessage = async ({ data }) => {
  await ready;
  if (data.type === "run") {
    const output = outputTo(data.id);
    try {
      const ended = runSnippet(data.filename, data.code, output.write);
      output.flush();
      postMessage({ type: "done", id: data.id, ended });
    } catch (error) {
      // Python's own errors end in run_snippet: this is the interpreter dying
      // (the browser's stack or memory exhausted, os._exit).
      output.flush();
      postMessage({ type: "crashed", id: data.id, message: crashed(error) });
    }
  } else if (data.type === "explore") {
    try {
      explore ??= await loadExplorerPython("bytecode.py");
      const [listing, problem, specialised] = /** @type {NonNullable<typeof explore>} */ (explore)(
        data.source,
        data.runs,
        MAX_OUTPUT,
      ).toJs();
      postMessage({ type: "explored", id: data.id, listing, problem, specialised: JSON.parse(specialised) });
    } catch (error) {
      postMessage({ type: "crashed", id: data.id, message: crashed(error) });
    }
  } else if (data.type === "step") {
    try {
      step ??= await loadExplorerPython("stepper.py");
      const trace = /** @type {NonNullable<typeof step>} */ (step)(data.source, data.limit);
      postMessage({ type: "stepped", id: data.id, trace });
    } catch (error) {
      postMessage({ type: "crashed", id: data.id, message: crashed(error) });
    }
  } else if (data.type === "check") {
    try {
      await loadLesson(data.lesson);
    } catch (error) {
      const message = `the checker could not load: ${/** @type {Error} */ (error).message}`;
      postMessage({ type: "checked", id: data.id, passed: false, message });
      return;
    }
    try {
      const [passed, message, printed] = checkExercise(
        data.lesson,
        data.number,
        data.code,
        data.preamble,
        MAX_OUTPUT,
      ).toJs();
      postMessage({ type: "checked", id: data.id, passed, message, printed });
    } catch (error) {
      postMessage({ type: "crashed", id: data.id, message: crashed(error) });
    }
  }
};
