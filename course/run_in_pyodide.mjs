// Runs Python files on CPython compiled to WebAssembly (Pyodide), offline.
// Usage: node run_in_pyodide.mjs PACKAGE file1.py file2.py ...
// PACKAGE names the npm package of the Pyodide build (pyodide, pyodide-315).
// Prints one JSON object: {"version": "3.14.2", "results": {path: {"output": str, "ok": bool}}}.
// The driver is the one the site's in-page runner uses (docs/assets/runner/driver.py).
import { readFileSync } from "node:fs";

const [pyodidePackage, ...paths] = process.argv.slice(2);
const { loadPyodide } = await import(pyodidePackage);
const pyodide = await loadPyodide();
const driver = new URL("../docs/assets/runner/driver.py", import.meta.url);
const runOne = pyodide.runPython(readFileSync(driver, "utf8"));
const results = {};
for (const path of paths) {
  let output = "";
  const ok = runOne(path, readFileSync(path, "utf8"), (text) => { output += text; });
  results[path] = { output, ok };
}
const version = pyodide.runPython("import platform; platform.python_version()");
process.stdout.write(JSON.stringify({ version, results }));
