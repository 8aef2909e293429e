// Python in the page: Run, Edit and Stop on every lesson snippet, Check on every
// exercise, and predict-then-run checkpoints. Nothing heavy loads until used:
// Python (Pyodide, from this site) starts in a Web Worker on the first Run or
// Check, and the code editor loads when an editor is first needed.
// The markup comes from hooks/runnable_snippets.py and hooks/exercises.py.
(() => {
  const SNIPPET_LIMIT_S = 30;   // a run still going after this is stopped and said so
  const CHECK_LIMIT_S = 10;     // every exercise's check takes well under a second
  const SPARE_AFTER_MS = 500;   // a run this long may be stopped: get a spare Python ready
  const HINT = "Tab indents. To leave the editor, press Esc, then Tab.";
  const TIMED_OUT = (s) => `still running after ${s} s: is there an endless loop?`;  // as exercise_checker.py

  const site = window.__md_scope || new URL(".", location);  // Material's site root
  const asset = (path) => new URL(path, site).href;
  const once = new Map();
  const fetchOnce = (path) => {
    if (!once.has(path)) {
      once.set(path, fetch(asset(path)).then((r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
        return r.json();
      }));
    }
    return once.get(path);
  };
  // runtime.json lists the Pyodide builds the site serves, by CPython series.
  // This page runs the default one; the runner takes the series as a parameter.
  const runtimes = () => fetchOnce("assets/runtime/runtime.json");
  const runtimeInfo = (series) => runtimes().then((all) => all.runtimes[series ?? all.default]);
  const loadEditor = () => import(asset("assets/runner/editor.js"));

  // --- A Python for the page: a worker, one job at a time ---------------------
  // A worker running Python, and the promise that it is ready; whatever else it
  // says goes to `onMessage`.
  function spawn(info, onMessage) {
    const url = new URL(asset("assets/runner/worker.js"));
    url.searchParams.set("runtime", asset(info.path));
    url.searchParams.set("tryIt", asset("assets/try-it/"));
    const worker = new Worker(url, { type: "module" });
    const ready = new Promise((resolve, reject) => {
      worker.onerror = (event) => reject(new Error(event.message || "Python could not start"));
      worker.onmessage = ({ data }) => {
        if (data.type === "ready") resolve(data.version);
        else if (data.type === "failed") reject(new Error(data.message));
        else onMessage(data);
      };
    });
    return { worker, ready };
  }

  // Each job has an owner (the block that asked for it): Stop stops that
  // block's job only, whether it is running, starting Python or waiting.
  // A run that goes on for a while gets a spare worker started beside it, so
  // that Stop (or the time limit) can swap to it instead of starting anew.
  const createPython = (series) => ({
    worker: null, booting: null, current: null, queue: Promise.resolve(), ids: 0,
    started: false, booter: null, waiting: new Map(), spare: null,

    boot() {
      this.booting ??= (this.spare ? Promise.resolve(this.spare) : runtimeInfo(series).then(
        (info) => spawn(info, (data) => this.current?.receive(data)),
      )).then(({ worker, ready }) => {
        this.spare = null;
        this.worker = worker;
        return new Promise((resolve, reject) => {
          this.cancelBoot = () => reject(new Error("stopped"));
          ready.then(resolve, reject);
        });
      }).then((version) => {
        this.cancelBoot = null;
        if (!this.started) keepForOffline();
        this.started = true;
        return version;
      });
      this.booting.catch(() => this.reset());
      return this.booting;
    },

    prepareSpare() {
      if (this.spare) return;
      runtimeInfo(series).then((info) => {
        this.spare ??= spawn(info, (data) => this.current?.receive(data));
      });
    },

    get ready() { return Boolean(this.worker) && !this.cancelBoot; },

    // What a block says while it waits for Python.
    get starting() {
      if (this.ready) return null;
      return this.started ? "Restarting Python…" : "Starting Python in this browser (about 6 MB, only the first time)…";
    },

    reset() {
      this.worker?.terminate();
      this.worker = this.booting = this.cancelBoot = null;
    },

    // Terminating is the only way to stop running Python here; the spare (or
    // a fresh worker) takes over at once, so the next run waits little.
    restart() {
      this.reset();
      this.boot().catch(() => {});
    },

    stop(owner) {
      if (this.current?.owner === owner) this.current.finish({ stopped: true });
      else if (this.booter === owner && this.cancelBoot) {
        this.cancelBoot();
        this.reset();
      } else this.waiting.get(owner)?.();   // still queued: answer at once, skip it later
    },

    // Resolves with {ok} or {passed, message}, or {stopped} / {timedOut}.
    exec(message, { owner, onOutput, limitS, onStart }) {
      let cancelled = false, answerStopped;
      const stoppedEarly = new Promise((resolve) => { answerStopped = resolve; });
      this.waiting.set(owner, () => { cancelled = true; answerStopped({ stopped: true }); });
      const job = this.queue.then(async () => {
        if (cancelled) return { stopped: true };
        this.booter = owner;
        try { await this.boot(); } finally { this.booter = null; }
        return new Promise((resolve) => {
          const id = ++this.ids;
          const timer = setTimeout(() => finish({ timedOut: true }), limitS * 1000);
          const spareTimer = setTimeout(() => this.prepareSpare(), SPARE_AFTER_MS);
          const finish = (result) => {
            clearTimeout(timer);
            clearTimeout(spareTimer);
            this.current = null;
            if (result.stopped || result.timedOut) this.restart();
            resolve(result);
          };
          this.current = {
            owner,
            finish,
            receive(data) {
              if (data.id !== id) return;
              if (data.type === "out") onOutput?.(data.text);
              else if (data.type === "done") finish({ ok: data.ok });
              else if (data.type === "checked") finish(data);
            },
          };
          onStart?.();
          this.worker.postMessage({ ...message, id });
        });
      }).finally(() => this.waiting.delete(owner));
      this.queue = job.catch(() => {});
      return Promise.race([job, stoppedEarly]);
    },
  });

  // After the first start, keep what a reader needs offline besides the runtime
  // (which the service worker keeps as it is fetched): the editor, and each
  // lesson's recordings and checks.
  function keepForOffline() {
    const lessons = new Set([...document.querySelectorAll("[data-lesson]")].map((el) => el.dataset.lesson));
    const files = [...lessons].flatMap((lesson) => [
      `assets/try-it/${lesson}/answers.json`, `assets/try-it/${lesson}/outputs.json`,
      `assets/try-it/${lesson}/exercises.py`, `assets/try-it/${lesson.split("/")[0]}/exercise_checker.py`]);
    navigator.serviceWorker?.controller?.postMessage(
      { type: "keep", urls: ["assets/runner/editor.js", ...files].map(asset) });
  }

  const python = createPython();  // the default series: every block on the page uses it

  // --- Small DOM helpers --------------------------------------------------------
  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.textContent = text;
    return node;
  }
  const button = (label, extra = {}) => element("button", { type: "button", class: "md-button runner-button", ...extra }, label);

  // Output arrives in many small pieces: show them once per frame.
  function outputPane(pre) {
    let pending = "", frame = 0;
    const flush = () => {
      frame = 0;
      pre.append(pending);
      pending = "";
    };
    return {
      text: "",
      write(text) {
        this.text += text;
        pending += text;
        frame ||= requestAnimationFrame(flush);
      },
      clear() { this.text = ""; pending = ""; pre.textContent = ""; },
      finish: flush,
    };
  }

  // The same patterns the tests use (snippets/variable-output.json): addresses
  // and timings differ between any two runs, so they compare as placeholders.
  function normalize(text, variable) {
    return variable.reduce((out, [pattern, replacement]) => out.replace(new RegExp(pattern, "gu"), replacement), text);
  }

  async function withEditor(host, text, label, onChange) {
    const { createEditor } = await loadEditor();
    const hint = element("p", { class: "runner-hint", id: `${host.id}-hint` }, HINT);
    host.before(hint);
    return createEditor(host, text, { label, describedBy: hint.id, onChange });
  }

  // --- Snippets -----------------------------------------------------------------
  // The buttons sit in the code block's title bar, so the recorded output stays
  // right under the code; the reader's own run appears after it.
  function setUpSnippet(box, index) {
    const name = box.dataset.snippet;
    const filename = `${name}.py`;
    const code = box.querySelector(".highlight");
    const original = code.querySelector("code").textContent;
    if (box.dataset.nativeOnly) {
      box.append(element("p", { class: "runner-native" },
        `No Run button here: this snippet needs native CPython (${box.dataset.nativeOnly.replace(/\.$/, "")}). ` +
        "Copy it and run it with python3 on your computer."));
      return null;
    }
    const bar = element("span", { class: "runner-toolbar", role: "group", "aria-label": `Run ${filename}` });
    const run = button("Run"), stop = button("Stop", { disabled: "" });
    const edit = button("Edit"), reset = button("Reset", { hidden: "" });
    bar.append(run, stop, edit, reset);
    (code.querySelector(".filename") ?? code).append(bar);
    const panel = element("div", { class: "run-panel", hidden: "" });
    const label = element("p", { class: "run-panel__label" }, "Your run");
    const pre = element("pre", {
      class: "run-panel__output", tabindex: "0", "aria-live": "polite", "aria-label": `Output of your run of ${filename}`,
    });
    const status = element("p", { class: "run-panel__status", role: "status" });
    panel.append(label, pre, status);
    box.append(panel);
    const output = outputPane(pre);
    let editor = null;

    edit.addEventListener("click", async () => {
      edit.disabled = true;
      const host = element("div", { class: "runner-editor", id: `snippet-editor-${index}` });
      code.after(host);
      try {
        editor = await withEditor(host, original, `Edit ${filename}`, () => {});
      } catch {
        host.remove();
        edit.disabled = false;
        panel.hidden = false;
        status.textContent = "The editor could not load (are you offline?). Run still works.";
        return;
      }
      code.querySelector("pre").hidden = true;
      edit.hidden = true;
      reset.hidden = false;
      editor.focus();
    });
    reset.addEventListener("click", () => editor?.replace(original));
    stop.addEventListener("click", () => python.stop(box));

    async function execute() {
      const source = editor ? editor.text() : original;
      const info = await runtimeInfo().catch(() => null);
      panel.hidden = false;
      output.clear();
      label.textContent = `Your run: ${info ? info.label : "Python in this browser"}`;
      status.textContent = python.starting ?? "Running…";
      run.disabled = true;
      stop.disabled = false;
      let result;
      try {
        result = await python.exec({ type: "run", code: source, filename }, {
          owner: box,
          limitS: SNIPPET_LIMIT_S,
          onOutput: (text) => output.write(text),
          onStart: () => { status.textContent = "Running…"; },
        });
      } catch (error) {
        result = { failed: error.message };
      }
      output.finish();
      run.disabled = false;
      stop.disabled = true;
      status.textContent = await verdict(result, source === original, box.dataset.lesson, name, output.text);
      return { result, text: output.text };
    }
    run.addEventListener("click", execute);
    return { run: execute };
  }

  // What Python compiled to WebAssembly cannot do, said once in plain words.
  const BROWSER_LIMITS = /EOFError: EOF when reading a line|can't start new thread|ModuleNotFoundError|not supported on (this platform|emscripten)/;

  async function verdict(result, unchanged, lesson, name, text) {
    if (result.failed === "stopped" || result.stopped) return "Stopped. Python restarts for your next run.";
    if (result.failed) return `Python could not start here: ${result.failed}`;
    if (result.timedOut) return `Stopped: ${TIMED_OUT(SNIPPET_LIMIT_S)}`;
    if (!result.ok) {
      return BROWSER_LIMITS.test(text)
        ? "It raised an exception. Python in the browser cannot read input(), start threads or processes, " +
          "or install packages: run this on your computer to try that."
        : "It raised an exception: the traceback above says where.";
    }
    if (!unchanged) return "Done. This is your edited code: Reset to run the page's version.";
    const recorded = await fetchOnce(`assets/try-it/${lesson}/outputs.json`).catch(() => null);
    const expected = recorded?.outputs[name];
    if (expected === undefined) return "Done.";
    const same = normalize(text, recorded.variable) === normalize(expected, recorded.variable);
    return same
      ? `Done. Matches the ${recorded.version} output recorded on this page (addresses and timings aside).`
      : `Done, but this differs from the ${recorded.version} output recorded on this page.`;
  }

  // --- Predict, then run ---------------------------------------------------------
  function setUpCheckpoint(form, snippet) {
    const result = form.querySelector(".predict__result");
    const go = button("Run it to check my guess");
    result.before(go);
    go.addEventListener("click", async () => {
      const picked = form.querySelector("input:checked");
      if (!picked) {
        result.textContent = "Pick an answer first.";
        return;
      }
      go.disabled = true;
      const { text } = await snippet.run();
      go.disabled = false;
      const printed = printedAnswer(form, text) ?? form.dataset.answer;
      const right = picked.value === printed;
      result.replaceChildren(`${right ? "Right" : "Not quite"}: it printed ${printed}. `, ...withCode(form.dataset.why));
      result.className = `predict__result ${right ? "predict__result--right" : "predict__result--wrong"}`;
      form.closest(".runnable").querySelector("details")?.setAttribute("open", "");
    });
  }

  // `backticks` in an explanation become <code>, as in the lesson's Markdown.
  const withCode = (text) => text.split("`").map((part, i) => (i % 2 ? element("code", {}, part) : part));

  // What the reader's own run printed for this question, as the build read the recording.
  function printedAnswer(form, text) {
    const choices = [...form.querySelectorAll("input")].map((input) => input.value);
    const prefix = form.dataset.line;
    if (prefix) {
      const line = text.split("\n").find((l) => l.startsWith(prefix));
      return line && choices.includes(line.slice(prefix.length).trim()) ? line.slice(prefix.length).trim() : null;
    }
    const word = (choice) => new RegExp(`(?<!\\w)${choice.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\w)`);
    const found = choices.filter((choice) => word(choice).test(text));
    return found.length === 1 ? found[0] : null;
  }

  // --- Exercises -------------------------------------------------------------------
  const storageKey = (lesson, number) => `${site.pathname}:${lesson}:exercise-${number}`;
  const saved = (lesson, number) => {
    try { return localStorage.getItem(storageKey(lesson, number)); } catch { return null; }
  };
  const save = (lesson, number, text) => {
    try {
      if (text === null) localStorage.removeItem(storageKey(lesson, number));
      else localStorage.setItem(storageKey(lesson, number), text);
    } catch { /* storage off: the code still works, it is just not kept */ }
  };


  function setUpExercise(box) {
    const { lesson } = box.dataset;
    const number = Number(box.dataset.exercise);
    const code = box.querySelector(".admonition > .highlight");
    const starter = code.querySelector("code").textContent.replace(/\n$/, "");
    const bar = element("div", { class: "runner-toolbar", role: "group", "aria-label": `Exercise ${number}` });
    const check = button("Check", { disabled: "" }), stop = button("Stop", { disabled: "" }), reset = button("Reset");
    const result = element("p", { class: "exercise-result", role: "status" });
    const printed = element("pre", { class: "exercise-printed", hidden: "" });
    if (box.dataset.nativeOnly) bar.append(reset);
    else bar.append(check, stop, reset);
    code.after(bar, result, printed);
    let editor = null;

    (async () => {
      const host = element("div", { class: "runner-editor", id: `exercise-editor-${lesson.replace(/\W/g, "-")}-${number}` });
      code.before(host);
      try {
        editor = await withEditor(host, saved(lesson, number) ?? starter, `Your answer to exercise ${number}`,
          (text) => save(lesson, number, text === starter ? null : text));
      } catch {
        host.remove();
        result.textContent = "The editor could not load (are you offline?): reload the page once you are online.";
        return;
      }
      code.hidden = true;
      check.disabled = false;
    })();

    reset.addEventListener("click", () => {
      if (!editor) return;
      editor.replace(starter);   // undoable: the editor keeps it in its history
      save(lesson, number, null);
      result.className = "exercise-result";
      result.textContent = "Back to the starting code. Ctrl+Z (⌘Z) in the editor brings yours back.";
      printed.hidden = true;
    });
    stop.addEventListener("click", () => python.stop(box));
    check.addEventListener("click", async () => {
      check.disabled = true;
      stop.disabled = false;
      printed.hidden = true;
      result.className = "exercise-result";
      result.textContent = python.starting ?? "Checking…";
      let outcome;
      try {
        const answers = await fetchOnce(`assets/try-it/${lesson}/answers.json`);
        outcome = await python.exec(
          { type: "check", code: editor.text(), number, lesson, preamble: answers.preamble },
          { owner: box, limitS: CHECK_LIMIT_S, onStart: () => { result.textContent = "Checking…"; } });
      } catch (error) {
        outcome = error.message === "stopped" ? { stopped: true } : { passed: false, message: `Python could not start here: ${error.message}` };
      }
      if (outcome.timedOut) outcome = { passed: false, message: TIMED_OUT(CHECK_LIMIT_S) };
      check.disabled = false;
      stop.disabled = true;
      if (outcome.stopped) {
        result.textContent = "Stopped. Python restarts for your next check.";
        return;
      }
      // The line `python exercises.py` prints for this exercise, and what the code printed.
      const answers = await fetchOnce(`assets/try-it/${lesson}/answers.json`);
      const { title } = answers.exercises.find((item) => item.number === number);
      result.textContent = `${outcome.passed ? "PASS" : "FAIL"}  ${number}. ${title}${outcome.passed ? "" : `: ${outcome.message}`}`;
      result.className = `exercise-result exercise-result--${outcome.passed ? "pass" : "fail"}`;
      if (outcome.printed) {
        printed.textContent = `Your code printed:\n${outcome.printed.slice(0, 5_000)}`;
        printed.hidden = false;
      }
    });
  }

  // All of a lesson's answers as the answers.py that `python exercises.py` checks.
  async function downloadAnswers(lesson) {
    const answers = await fetchOnce(`assets/try-it/${lesson}/answers.json`);
    const parts = [answers.preamble.trimEnd(), ""];
    for (const exercise of answers.exercises) {
      parts.push("", exercise.header, "", "", saved(lesson, exercise.number) ?? exercise.starter, "", "");
    }
    const file = new Blob([parts.join("\n").trimEnd() + "\n"], { type: "text/x-python" });
    const link = element("a", { href: URL.createObjectURL(file), download: "answers.py" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function setUpExerciseList(list) {
    const download = button("Download your answers (answers.py)");
    download.addEventListener("click", () => downloadAnswers(list.dataset.lesson));
    list.append(download);
  }

  // --- Every page, including after Material's instant navigation -----------------
  // Controls are added as their block comes near the screen, not all at load:
  // on a phone, adding them to every block at once was main-thread time the
  // reader waits through (Lighthouse: total blocking time).
  const whenNear = new IntersectionObserver((entries) => {
    for (const entry of entries.filter((e) => e.isIntersecting)) {
      whenNear.unobserve(entry.target);
      entry.target.setUpControls();
    }
  }, { rootMargin: "1000px 0px" });

  function setUpLater(box, setUpControls) {
    box.dataset.ready = "";
    box.setUpControls = setUpControls;
    whenNear.observe(box);
  }

  function setUp() {
    if (document.getElementById("print-site-page")) return;  // the print page stays plain
    document.querySelectorAll(".runnable:not([data-ready])").forEach((box, index) => setUpLater(box, () => {
      const snippet = setUpSnippet(box, index);
      const form = box.querySelector("form.predict");
      if (form && snippet) setUpCheckpoint(form, snippet);
    }));
    document.querySelectorAll(".exercise:not([data-ready])").forEach((box) => setUpLater(box, () => setUpExercise(box)));
    document.querySelectorAll(".exercise-list:not([data-ready])").forEach((list) => {
      list.dataset.ready = "";
      setUpExerciseList(list);
    });
  }
  if (window.document$) document$.subscribe(setUp);
  else setUp();

  // Offline after a first visit: the service worker keeps pages as they are
  // visited, and the runtime after the first Run. It also keeps what this page
  // loaded before the worker took over.
  if ("serviceWorker" in navigator) {
    addEventListener("load", async () => {
      try {
        await navigator.serviceWorker.register(asset("sw.js"));
        const registration = await navigator.serviceWorker.ready;
        const loaded = performance.getEntriesByType("resource").map((entry) => entry.name);
        const urls = [location.href, ...loaded].filter((url) => url.startsWith(site.origin));
        registration.active?.postMessage({ type: "keep", urls });
      } catch { /* no service worker (private mode, file://): the site still works online */ }
    });
  }
})();
