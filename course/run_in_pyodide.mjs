// Runs Python files on CPython compiled to WebAssembly (Pyodide), offline.
// Usage: node run_in_pyodide.mjs PACKAGE SECONDS file1.py file2.py ...
// PACKAGE names the npm package of the Pyodide build (pyodide, pyodide-315);
// SECONDS is each file's time limit.
// Prints one JSON object: {"version": "3.14.2", "results": {path: {"output": str, "ok": bool}}}.
// The driver is the one the site's in-page runner uses (docs/assets/runner/driver.py).
//
// Starting Pyodide is the slow part, so one Pyodide runs the files one after
// another, in a worker thread: a file that runs past its limit is reported as
// such, the thread is ended, and a new one runs the files left.
import { readFileSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

if (isMainThread) {
  const [pyodidePackage, seconds, ...paths] = process.argv.slice(2);
  const results = {};
  let version = "";
  let left = paths;
  while (left.length) {
    const batch = await runUntilStuck(pyodidePackage, left, Number(seconds) * 1000);
    if (!Object.keys(batch.results).length) throw new Error(`Pyodide (${pyodidePackage}) ended before running a file`);
    Object.assign(results, batch.results);
    version ||= batch.version;
    left = left.filter((path) => !(path in results));
  }
  process.stdout.write(JSON.stringify({ version, results }));
} else {
  const { loadPyodide } = await import(workerData.pyodidePackage);
  const pyodide = await loadPyodide();
  const driver = new URL("../docs/assets/runner/driver.py", import.meta.url);
  const runOne = pyodide.runPython(readFileSync(driver, "utf8"));
  parentPort?.postMessage({ version: pyodide.runPython("import platform; platform.python_version()") });
  for (const path of workerData.paths) {
    parentPort?.postMessage({ started: path });
    let output = "";
    const ended = runOne(path, readFileSync(path, "utf8"), (/** @type {string} */ text) => {
      output += text;
    });
    parentPort?.postMessage({ path, output, ok: ended === "ok" });
  }
}

/**
 * Runs `paths` in a new worker until they are done or one runs past `limitMs`.
 * @param {string} pyodidePackage
 * @param {string[]} paths
 * @param {number} limitMs
 * @returns {Promise<{version: string, results: Record<string, {output: string, ok: boolean}>}>}
 */
function runUntilStuck(pyodidePackage, paths, limitMs) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { pyodidePackage, paths } });
    /** @type {Record<string, {output: string, ok: boolean}>} */
    const results = {};
    let version = "";
    let running = "";
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    worker.on("message", (message) => {
      clearTimeout(timer);
      if (message.version) version = message.version;
      if (message.path) results[message.path] = { output: message.output, ok: message.ok };
      if (message.started) {
        running = message.started;
        timer = setTimeout(() => {
          results[running] = { output: `timed out after ${limitMs / 1000} s`, ok: false };
          worker.terminate();
        }, limitMs);
      }
    });
    worker.on("error", reject);
    worker.on("exit", () => {
      clearTimeout(timer);
      // A file that ended Python itself (os._exit, a crash) gets no result: say so.
      if (running && !(running in results)) results[running] = { output: "Python stopped running", ok: false };
      resolve({ version, results });
    });
  });
}
