// Runs Python files on CPython 3.14 compiled to WebAssembly (Pyodide), offline.
// Usage: node run_in_pyodide.mjs file1.py file2.py ...
// Prints one JSON object: {"version": "3.14.2", "results": {path: {"output": str, "ok": bool}}}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const pyodide = await loadPyodide();
const runOne = pyodide.runPython(readFileSync(new URL("./pyodide_driver.py", import.meta.url), "utf8"));
const results = {};
for (const path of process.argv.slice(2)) {
  const [output, ok] = runOne(path, readFileSync(path, "utf8")).toJs();
  results[path] = { output, ok };
}
const version = pyodide.runPython("import platform; platform.python_version()");
process.stdout.write(JSON.stringify({ version, results }));
