// @ts-check
// The reader's Python: Pyodide in a Web Worker, so a long or endless run never
// freezes the page. python-pool.js stops a run by terminating this worker (GitHub
// Pages cannot send the headers SharedArrayBuffer needs, so there is no
// interrupt buffer) and starts a fresh one.
//
// Messages in:  {type: "run", id, code, filename}
//               {type: "check", id, code, number, lesson, preamble}
// Messages out: {type: "ready", version} | {type: "failed", message}
//               {type: "out", id, text} | {type: "done", id, ok}
//               {type: "checked", id, passed, message, printed}
const MAX_OUTPUT = 100_000; // characters of a run's output sent to the page
const params = new URL(self.location.href).searchParams;
const indexURL = new URL(params.get("runtime") ?? "", self.location.href).href; // the site's own copy
const tryItURL = new URL(params.get("tryIt") ?? "", self.location.href).href;

/** @type {(filename: string, code: string, write: (text: string) => void) => boolean} driver.py's run_snippet */
let runSnippet;
/** @type {import("pyodide").PyodideInterface} */
let pyodide;
/** @type {Set<string>} */
const loadedLessons = new Set();

async function start() {
  /** @type {typeof import("pyodide")} */
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  // indexURL on this site, no packages: nothing is ever asked of another origin.
  pyodide = await loadPyodide({ indexURL, packages: [], stdin: () => null });
  const driver = await (await fetch(new URL("driver.py", self.location.href))).text();
  runSnippet = pyodide.runPython(driver);
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

const CHECK = `
def _check(lesson, number, code, preamble):
    import contextlib, gc, importlib.util, io, sys, tracemalloc
    path = f"/snippets/{lesson}/try-it/exercises.py"
    name = "exercises_" + lesson.replace("/", "_").replace("-", "_")
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    exercises = sys.modules[name]
    from exercise_checker import check_source
    # One interpreter serves every check: put back what a check may change.
    modules, path_before, collecting = set(sys.modules), list(sys.path), gc.isenabled()
    printed = io.StringIO()  # what the learner's code prints, shown under the verdict
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            passed, message = check_source(exercises.EXERCISES[number][1], code, "your code", preamble)
        return passed, message, printed.getvalue()
    finally:
        for added in set(sys.modules) - modules:
            del sys.modules[added]
        sys.path[:] = path_before
        if collecting:
            gc.enable()
        if tracemalloc.is_tracing():
            tracemalloc.stop()
_check
`;
/** @type {(lesson: string, number: number, code: string, preamble: string) => { toJs(): [boolean, string, string] }} */
let check;

const ready = start().catch((error) => postMessage({ type: "failed", message: String(error) }));

self.onmessage = async ({ data }) => {
  await ready;
  if (data.type === "run") {
    // Each write goes to the page as it happens, so output streams even before
    // an endless loop. Past MAX_OUTPUT characters the rest is dropped: a loop
    // printing millions of lines must not flood the page.
    let sent = 0;
    const ok = runSnippet(data.filename, data.code, (text) => {
      if (sent >= MAX_OUTPUT) return;
      sent += text.length;
      const cut = sent >= MAX_OUTPUT ? "\n… (output cut here: over 100,000 characters)\n" : "";
      postMessage({ type: "out", id: data.id, text: text + cut });
    });
    postMessage({ type: "done", id: data.id, ok });
  } else if (data.type === "check") {
    try {
      await loadLesson(data.lesson);
      check ??= pyodide.runPython(CHECK);
      const [passed, message, printed] = check(data.lesson, data.number, data.code, data.preamble).toJs();
      postMessage({ type: "checked", id: data.id, passed, message, printed });
    } catch (error) {
      postMessage({
        type: "checked",
        id: data.id,
        passed: false,
        message: `the checker could not run: ${/** @type {Error} */ (error).message}`,
      });
    }
  }
};
