// @ts-check
// Python in the page: Run, Edit and Stop on every lesson snippet, Check on every
// exercise, and predict-then-run checkpoints. Nothing heavy loads until used:
// Python (Pyodide, from this site) starts in a Web Worker on the first Run or
// Check, and the code editor loads when an editor is first needed.
// The markup comes from hooks/runnable_snippets.py and hooks/exercises.py.
// The worker and its queue are in python-pool.js, loaded with the first Run.
(() => {
  /** @typedef {ReturnType<typeof import("./python-pool.js").createPython>} Python */
  /** @typedef {import("./python-pool.js").Result & { failed?: string }} Outcome a job's end, or why Python could not start */
  /** @typedef {ReturnType<typeof import("./editor.src.js").createEditor>} Editor */
  /** @typedef {{ path: string, label: string, build: string, files: Record<string, { size: number }> }} Runtime a Pyodide build in runtime.json (hooks/python_runtime.py) */
  /**
   * A lesson's answers.json (hooks/exercises.py)
   * @typedef {{ preamble: string, exercises: { number: number, title: string, header: string, starter: string }[] }} Answers
   */
  /**
   * A lesson's outputs.json: each snippet's recorded output, and the patterns for what varies between runs
   * @typedef {{ version: string, outputs: Record<string, string>, variable: [string, string][] }} Recordings
   */

  const SNIPPET_LIMIT_S = 30; // a run still going after this is stopped and said so
  const CHECK_LIMIT_S = 10; // every exercise's check takes well under a second

  const site = window.__md_scope || new URL(".", location.href); // Material's site root
  const asset = (/** @type {string} */ path) => new URL(path, site).href;
  /** @type {Map<string, Promise<any>>} */
  const once = new Map();
  /** @returns {Promise<any>} the JSON file at `path`, fetched once per page */
  const fetchOnce = (/** @type {string} */ path) => {
    let json = once.get(path);
    if (!json) {
      json = fetch(asset(path)).then((r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
        return r.json();
      });
      once.set(path, json);
    }
    return json;
  };
  // runtime.json lists the Pyodide builds the site serves, by CPython series.
  // This page runs the default one; the runner takes the series as a parameter.
  /** @type {() => Promise<{ default: string, runtimes: Record<string, Runtime> }>} */
  const runtimes = () => fetchOnce("assets/runtime/runtime.json");
  const runtimeInfo = (/** @type {string} */ series = "") =>
    runtimes().then((all) => all.runtimes[series || all.default]);
  /** @type {() => Promise<typeof import("./editor.src.js")>} */
  const loadEditor = () => import(asset("assets/runner/editor.js"));
  const answersOf = (/** @type {string} */ lesson) =>
    /** @type {Promise<Answers>} */ (fetchOnce(`assets/try-it/${lesson}/answers.json`));

  // --- A Python for the page: a worker, one job at a time ---------------------
  // python-pool.js keeps the worker and its queue, and says how this site
  // starts a worker; it is loaded with the first Run or Check. Each Python
  // starts the build of its series (the default here).
  /** @type {Promise<Python> | undefined} */
  let python; // the default series: every block on the page uses it
  const loadPython = () => {
    if (!python) {
      /** @type {Promise<typeof import("./python-pool.js")>} */
      const module = import(asset("assets/runner/python-pool.js"));
      python = module.then(
        ({ createPython, siteWorker }) =>
          createPython({
            runtime: () => runtimeInfo(),
            createWorker: siteWorker(asset),
            onFirstStart: keepForOffline,
            onStartFailed,
          }),
        (error) => {
          python = undefined; // offline, say: the next Run tries again
          throw error;
        },
      );
      python.catch(() => {}); // each caller sees the error; it is not left unhandled meanwhile
    }
    return python;
  };
  // "See bytecode": the block's code, as edited, in the bytecode explorer. The
  // explorer's script builds the address, so it is loaded as the reader
  // reaches for the link; a click that comes first waits for it.
  /** @type {() => Promise<typeof import("../explorer/explorer.src.js")>} */
  const loadExplorer = () => import(asset("assets/explorer/explorer.js"));
  /** @param {() => string} code what the block holds now */
  function exploreLink(code) {
    const link = element("a", { class: "md-button runner-button", href: asset("explorer/") }, "See bytecode");
    const address = () => loadExplorer().then(({ explorerAddress }) => asset(explorerAddress(code())));
    const update = () =>
      address().then(
        (href) => link.setAttribute("href", href),
        () => {},
      );
    for (const reaching of ["pointerenter", "pointerdown", "focus"]) link.addEventListener(reaching, update);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      address().then(
        (href) => location.assign(href),
        () => location.assign(link.href), // the explorer's script did not load: its page still opens
      );
    });
    return link;
  }

  // A stepper under a block (`{stepper=yes}`): its script is loaded when the
  // reader first asks, and it runs the block's code as edited on the page's Python.
  /**
   * @param {HTMLElement} box the block
   * @param {() => string} code what the block holds now
   */
  function stepperPlace(box, code) {
    const place = element("div", { class: "stepper stepper--inline" });
    const start = button("Step through it");
    place.append(start);
    const mount = async () => {
      start.setAttribute("disabled", "");
      /** @type {[typeof import("../explorer/stepper.src.js"), Awaited<ReturnType<typeof runtimes>>]} */
      const [module, all] = await Promise.all([import(asset("assets/explorer/stepper.js")), runtimes()]);
      const series = all.default;
      const { build } = all.runtimes[series];
      const make = (/** @type {string} */ tag, /** @type {Record<string, string>} */ attributes = {}, text = "") =>
        element(/** @type {keyof HTMLElementTagNameMap} */ (tag), attributes, text);
      const parts = module.mountStepper(place, { code, python: loadPython, series, build, element: make });
      parts.start.click();
      // A run recorded before an edit is kept, and said to be of the code as it was.
      box.addEventListener("input", () => {
        if (!parts.view.panel.hidden) {
          parts.status.textContent = `You edited the code: press "Step through it on ${series}" to step through your version.`;
        }
      });
    };
    start.addEventListener("click", () =>
      mount().catch(() => {
        start.removeAttribute("disabled");
        start.after(element("p", { role: "status" }, "The stepper could not load: are you offline?"));
      }),
    );
    return place;
  }

  // Stop is enabled only once its block has asked for Python.
  const stopFor = (/** @type {HTMLElement} */ box) => () =>
    loadPython().then(
      (python) => python.stop(box),
      () => {},
    );

  // "Restart Python", in every run panel and exercise: each run already starts
  // from a clean state (driver.py), so this is for a Python that seems wrong.
  /** @param {HTMLElement} said where the block tells the reader it is done */
  function restartButton(said) {
    const restart = button("Restart Python");
    restart.addEventListener("click", async () => {
      const python = await loadPython().catch(() => null);
      python?.renew();
      said.textContent = python ? "Python restarted: the next run starts afresh." : "Python is not loaded yet.";
    });
    return restart;
  }

  // Python did not start: what the service worker kept of the runtime may be
  // why, so it is dropped and the next Run fetches the runtime anew.
  function onStartFailed() {
    navigator.serviceWorker?.controller?.postMessage({ type: "drop-runtime" });
  }

  // After the first start, keep what a reader needs offline besides the runtime
  // (which the service worker keeps as it is fetched): the editor, and each
  // lesson's recordings and checks.
  async function keepForOffline() {
    // The whole course, for reading offline: Python, the largest part, is kept now.
    const course = /** @type {string[]} */ (await fetchOnce("offline.json").catch(() => []));
    const blocks = document.querySelectorAll("[data-lesson]");
    const lessons = new Set([...blocks].map((el) => /** @type {HTMLElement} */ (el).dataset.lesson ?? ""));
    const files = [...lessons].flatMap((lesson) => [
      `assets/try-it/${lesson}/answers.json`,
      `assets/try-it/${lesson}/outputs.json`,
      `assets/try-it/${lesson}/exercises.py`,
      `assets/try-it/${lesson.split("/")[0]}/exercise_checker.py`,
    ]);
    navigator.serviceWorker?.controller?.postMessage({
      type: "keep",
      urls: [
        "assets/runner/editor.js",
        "assets/runner/python-pool.js",
        "assets/runner/answer-store.js",
        "assets/runner/progress.js",
        "assets/runner/quiz.js",
        ...files,
        ...course,
      ].map(asset),
    });
  }

  // --- Small DOM helpers --------------------------------------------------------
  /**
   * @template {keyof HTMLElementTagNameMap} Tag
   * @param {Tag} tag
   * @param {Record<string, string>} [attributes]
   * @returns {HTMLElementTagNameMap[Tag]}
   */
  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.textContent = text;
    return node;
  }
  const button = (/** @type {string} */ label, extra = {}) =>
    element("button", { type: "button", class: "md-button runner-button", ...extra }, label);

  // The markup the hooks write has every part these look up.
  const find = (/** @type {ParentNode} */ root, /** @type {string} */ selector) =>
    /** @type {HTMLElement} */ (root.querySelector(selector));

  // Output arrives in many small pieces: show them once per frame.
  /** @param {HTMLElement} pre */
  function outputPane(pre) {
    let pending = "";
    let frame = 0; // the requested frame, 0 when none is
    const flush = () => {
      frame = 0;
      pre.append(pending);
      pending = "";
    };
    return {
      text: "",
      write(/** @type {string} */ text) {
        this.text += text;
        pending += text;
        if (!frame) frame = requestAnimationFrame(flush);
      },
      clear() {
        this.text = "";
        pending = "";
        pre.textContent = "";
      },
      finish: flush,
    };
  }

  // The same patterns the tests use (snippets/variable-output.json): addresses
  // and timings differ between any two runs, so they compare as placeholders.
  /**
   * @param {string} text
   * @param {Recordings["variable"]} variable
   */
  function normalize(text, variable) {
    return variable.reduce((out, [pattern, replacement]) => out.replace(new RegExp(pattern, "gu"), replacement), text);
  }

  /**
   * @param {HTMLElement} host
   * @param {string} text
   * @param {string} label
   * @param {(text: string) => void} onChange
   */
  async function withEditor(host, text, label, onChange) {
    const { createEditor, KEYBOARD_HINT } = await loadEditor();
    const hint = element("p", { class: "runner-hint", id: `${host.id}-hint` }, KEYBOARD_HINT);
    host.before(hint);
    return createEditor(host, text, { label, describedBy: hint.id, onChange });
  }

  /**
   * Reset, which turns into "Undo reset" until the code is edited again: on a
   * phone there is no Ctrl+Z to bring the learner's code back.
   * @param {HTMLButtonElement} reset
   * @param {() => Editor | null} editorOf
   * @param {string} starter the code Reset puts back
   * @param {(undone: boolean) => void} [said] tells the reader what happened
   * @returns {() => void} to call on every edit
   */
  function undoableReset(reset, editorOf, starter, said = () => {}) {
    /** @type {string | null} the learner's code, while Undo reset can bring it back */
    let yours = null;
    let replacing = false;
    reset.addEventListener("click", () => {
      const editor = editorOf();
      if (!editor) return;
      replacing = true;
      const undoing = yours !== null;
      if (yours === null) {
        yours = editor.text();
        editor.replace(starter);
      } else {
        editor.replace(yours);
        yours = null;
      }
      replacing = false;
      reset.textContent = undoing ? "Reset" : "Undo reset";
      said(undoing);
    });
    return () => {
      if (replacing || yours === null) return;
      yours = null; // edited since: what Undo would bring back is gone from view
      reset.textContent = "Reset";
    };
  }

  // The reader's run starts where their eyes are not, on a phone: the panel
  // below a long snippet can be a screen under Run. It is brought up to the
  // top of the screen (under the header: runner.css sets its scroll margin)
  // when its start is not in the upper part of the screen already, so that its
  // output has the rest of the screen to grow into.
  // Blocks above it may still render and change height: until the reader
  // scrolls, taps or types (or for two seconds) it is held there, as
  // page-fixes.js holds a linked heading. When the run ends, its verdict is
  // shown too, unless the reader has scrolled elsewhere meanwhile.
  /**
   * @param {HTMLElement} panel
   * @returns {(verdict: HTMLElement) => void} to call when the run has ended
   */
  function bringIntoView(panel) {
    const top = panel.getBoundingClientRect().top;
    const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    let placed = scrollY;
    if (top < header || top > innerHeight * 0.6) {
      panel.scrollIntoView({ block: "start" });
      placed = scrollY;
      const hold = new ResizeObserver(() => {
        panel.scrollIntoView({ block: "start" });
        placed = scrollY;
      });
      const release = () => hold.disconnect();
      hold.observe(document.body);
      for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) {
        addEventListener(type, release, { once: true, capture: true, passive: true });
      }
      setTimeout(release, 2000);
    }
    return (verdict) => {
      if (Math.abs(scrollY - placed) < 2 && verdict.getBoundingClientRect().bottom > innerHeight) {
        verdict.scrollIntoView({ block: "nearest" });
      }
    };
  }

  /** @param {string} key @returns {boolean} whether an edit is kept there (read without loading answer-store.js) */
  const storedEdit = (key) => {
    try {
      return localStorage.getItem(key) !== null;
    } catch {
      return false;
    }
  };

  // --- Snippets -----------------------------------------------------------------
  // The buttons sit in the code block's title bar; the reader's own run
  // appears right under the code (under the editor, when editing), before
  // the recorded output it is compared with.
  /**
   * @param {HTMLElement} box
   * @param {number} index
   * @returns {{ run: () => Promise<{ text: string }> } | null}
   */
  function setUpSnippet(box, index) {
    const name = box.dataset.snippet ?? "";
    const filename = `${name}.py`;
    const code = find(box, ".highlight");
    const original = find(code, "code").textContent;
    if (box.dataset.nativeOnly) {
      box.append(
        element(
          "p",
          { class: "runner-native" },
          `No Run button here: this snippet needs native CPython (${box.dataset.nativeOnly.replace(/\.$/, "")}). ` +
            "Copy it and run it with python3 on your computer.",
        ),
      );
      return null;
    }
    const bar = element("span", { class: "runner-toolbar", role: "group", "aria-label": `Run ${filename}` });
    const run = button("Run");
    const stop = button("Stop", { disabled: "" });
    const edit = button("Edit");
    const reset = button("Reset", { hidden: "" });
    bar.append(run, stop, edit, reset);
    (code.querySelector(".filename") ?? code).append(bar);
    const panel = element("div", { class: "run-panel", hidden: "" });
    const label = element("p", { class: "run-panel__label" }, "Your run");
    const pre = element("pre", {
      class: "run-panel__output",
      tabindex: "0",
      "aria-live": "polite",
      "aria-label": `Output of your run of ${filename}`,
    });
    const status = element("p", { class: "run-panel__status", role: "status" });
    panel.append(label, pre, status, restartButton(status));
    code.after(panel);
    const output = outputPane(pre);
    /** @type {Editor | null} */
    let editor = null;
    bar.append(exploreLink(() => (editor ? editor.text() : original)));
    if (box.hasAttribute("data-stepper")) box.append(stepperPlace(box, () => (editor ? editor.text() : original)));
    const edited = undoableReset(reset, () => editor, original);
    // An edit is kept in this browser, as an exercise's answer is: leaving the
    // page loses nothing, and coming back says so.
    const key = `${site.pathname}:${box.dataset.lesson}:snippet-${name}`;
    const keptNote = element(
      "p",
      { class: "runner-kept" },
      "Your edited version is kept in this browser: Edit shows it.",
    );
    if (storedEdit(key)) code.after(keptNote);

    edit.addEventListener("click", async () => {
      edit.disabled = true;
      keptNote.remove();
      const host = element("div", { class: "runner-editor", id: `snippet-editor-${index}` });
      code.after(host);
      try {
        const kept = await answerStore().then(
          (store) => store.answer(key, original),
          () => null, // not loaded (offline): the editor still works, unkept
        );
        /** @param {string} text */
        const onChange = (text) => {
          edited();
          kept?.save(text);
        };
        editor = await withEditor(host, kept?.initial ?? original, `Edit ${filename}`, onChange);
      } catch {
        host.remove();
        edit.disabled = false;
        panel.hidden = false;
        status.textContent = "The editor could not load (are you offline?). Run still works.";
        return;
      }
      find(code, "pre").hidden = true;
      edit.hidden = true;
      reset.hidden = false;
      editor.focus();
    });
    stop.addEventListener("click", stopFor(box));

    async function execute() {
      const source = editor ? editor.text() : original;
      const loading = loadPython();
      panel.hidden = false;
      output.clear();
      run.disabled = true;
      stop.disabled = false;
      status.textContent = "Getting Python ready…"; // said at once, in view
      const showVerdict = bringIntoView(panel);
      const info = await runtimeInfo().catch(() => null);
      label.textContent = `Your run: ${info ? info.label : "Python in this browser"}`;
      /** @type {Outcome} */
      let result;
      try {
        const python = await loading;
        status.textContent = python.starting ?? "Running…";
        result = await python.exec(
          { type: "run", code: source, filename },
          {
            owner: box,
            limitS: SNIPPET_LIMIT_S,
            onOutput: (text) => output.write(text),
            onProgress: () => {
              status.textContent = python.starting ?? "";
            },
            onStart: () => {
              status.textContent = "Running…";
            },
          },
        );
      } catch (error) {
        result = { failed: /** @type {Error} */ (error).message };
      }
      output.finish();
      run.disabled = false;
      stop.disabled = true;
      status.textContent = await verdict(result, source === original, box, output.text);
      showVerdict(status);
      return { result, text: output.text };
    }
    run.addEventListener("click", execute);
    return { run: execute };
  }

  /**
   * What a block says when Python itself died (python-pool.js restarts it).
   * @param {string} why what the browser reported
   * @param {string} job "run" or "check"
   */
  const CRASHED = (why, job) => {
    const status = why.match(/terminated with exit\((-?\d+)\)/)?.[1];
    const what = status
      ? `Python ended itself (exit status ${status}, as os._exit() does)`
      : `Python crashed (${why}): usually recursion too deep for the browser, or memory used up`;
    return `${what}. It restarts for your next ${job}.`;
  };

  // What Python compiled to WebAssembly cannot do, said once in plain words.
  const BROWSER_LIMITS =
    /EOFError: EOF when reading a line|can't start new thread|ModuleNotFoundError|not supported on (this platform|emscripten)/;

  /**
   * What a block says when its run ends.
   * @param {Outcome} result
   * @param {boolean} unchanged the page's own code ran: compare it with the recording
   * @param {HTMLElement} box the snippet's block
   * @param {string} text what it printed
   */
  async function verdict(result, unchanged, box, text) {
    if (result.failed === "stopped" || result.stopped) return "Stopped. Python restarts for your next run.";
    if (result.failed) return `Python could not start here: ${result.failed}. Run tries again.`;
    if (result.timedOut) return `Stopped: ${result.message}`;
    if (result.crashed) return CRASHED(result.message ?? "", "run");
    if (result.ended?.startsWith("exit ")) return `It ended with sys.exit(): exit status ${result.ended.slice(5)}.`;
    if (!result.ok) {
      return BROWSER_LIMITS.test(text)
        ? "It raised an exception. Python in the browser cannot read input(), start threads or processes, " +
            "or install packages: run this on your computer to try that."
        : "It raised an exception: the traceback above says where.";
    }
    if (!unchanged) return "Done. This is your edited code: Reset to run the page's version.";
    /** @type {Recordings | null} */
    const recorded = await fetchOnce(`assets/try-it/${box.dataset.lesson}/outputs.json`).catch(() => null);
    const expected = recorded?.outputs[box.dataset.snippet ?? ""];
    if (!recorded || expected === undefined) return "Done.";
    const same = normalize(text, recorded.variable) === normalize(expected, recorded.variable);
    const shown = showOutputOf(box, recorded.version) ? " (now shown first below, then the build you picked)" : "";
    return same
      ? `Done. Matches the ${recorded.version} output recorded on this page${shown}, addresses and timings aside.`
      : `Done, but this differs from the ${recorded.version} output recorded on this page${shown}.`;
  }

  // The reader's run is compared with what its own build printed. Where the
  // block shows another build's output (the reader picked another build),
  // the block's comparison of builds opens, that build's output first: right
  // under the run, in view.
  /**
   * @param {HTMLElement} box
   * @param {string} series such as "3.14"
   * @returns {boolean} whether the block now shows that build's output too
   */
  function showOutputOf(box, series) {
    const outputs = /** @type {HTMLElement[]} */ ([...box.querySelectorAll(".outputs > .output")]);
    const own = outputs.find((output) => output.dataset.builds?.split(" ").includes(series));
    const compare = /** @type {HTMLDetailsElement | null} */ (box.querySelector(".outputs > .output-compare"));
    if (!own || !compare || getComputedStyle(own).display !== "none") return false;
    compare.open = true;
    own.style.order = "-1"; // before the picked build's output (outputs.css orders them)
    return true;
  }

  // --- Predict, then run ---------------------------------------------------------
  /**
   * @param {HTMLFormElement} form
   * @param {{ run: () => Promise<{ text: string }> }} snippet
   */
  function setUpCheckpoint(form, snippet) {
    const result = find(form, ".predict__result");
    const go = button("Run it to check my guess");
    result.before(go);
    go.addEventListener("click", async () => {
      const picked = /** @type {HTMLInputElement | null} */ (form.querySelector("input:checked"));
      if (!picked) {
        result.textContent = "Pick an answer first.";
        return;
      }
      go.disabled = true;
      const { text } = await snippet.run();
      go.disabled = false;
      const printed = printedAnswer(form, text) ?? form.dataset.answer;
      const right = picked.value === printed;
      const lesson = /** @type {HTMLElement | null} */ (form.closest(".runnable"))?.dataset.lesson;
      if (lesson) await markDone(lesson, "checkpoints", form.id.replace(/^predict-/, ""));
      result.replaceChildren(
        `${right ? "Right" : "Not quite"}: it printed ${printed}. `,
        ...withCode(form.dataset.why ?? ""),
      );
      result.className = `predict__result ${right ? "predict__result--right" : "predict__result--wrong"}`;
      form.closest(".runnable")?.querySelector("details")?.setAttribute("open", "");
      if (lesson) showProgress();
    });
  }

  // --- The closing quiz: no Python, just the reader's picks (quiz.js) ----------------
  /** @param {HTMLFormElement} form */
  async function setUpQuizForm(form) {
    const lesson = form.dataset.lesson ?? "";
    /** @type {[typeof import("./quiz.js"), Awaited<ReturnType<typeof progress>>]} */
    const [{ setUpQuiz }, store] = await Promise.all([import(asset("assets/runner/quiz.js")), progress()]);
    setUpQuiz(form, store.read(lesson).quiz, (right) => {
      for (const number of right) store.mark(lesson, "quiz", number);
      if (document.querySelector(".exercise-list")) showProgress();
    });
  }

  // --- Progress: ticks on what was done here before --------------------------------
  const tick = (/** @type {string} */ text) => element("span", { class: "done-tick" }, `✓ ${text}`);

  /** Ticks on each exercise passed and checkpoint answered, and a tally by the exercise list. */
  async function showProgress() {
    const lessons = new Set([...blocks("[data-lesson]")].map((box) => box.dataset.lesson ?? ""));
    for (const lesson of lessons) {
      if (!lesson) continue;
      const done = (await progress()).read(lesson);
      for (const box of blocks(`.exercise[data-lesson="${lesson}"]`)) {
        const title = box.querySelector(".admonition-title");
        if (title && done.exercises.includes(Number(box.dataset.exercise)) && !title.querySelector(".done-tick"))
          title.append(" ", tick("passed"));
      }
      for (const form of blocks(`.runnable[data-lesson="${lesson}"] form.predict`)) {
        const legend = form.querySelector("legend strong");
        if (legend && done.checkpoints.includes(form.id.replace(/^predict-/, "")) && !form.querySelector(".done-tick"))
          legend.after(" ", tick("predicted"), " "); // done, right or wrong: predicting is the exercise
      }
      const list = document.querySelector(`.exercise-list[data-lesson="${lesson}"]`);
      if (!list) continue;
      // Material makes the links absolute: read the exercise from the hash.
      const links = /** @type {NodeListOf<HTMLAnchorElement>} */ (list.querySelectorAll("a[href*='#exercise-']"));
      for (const link of links) {
        const number = Number(link.hash.slice("#exercise-".length));
        if (done.exercises.includes(number) && !link.parentElement?.querySelector(".done-tick"))
          link.after(" ", tick("passed"));
      }
      const exercises = links.length;
      const checkpoints = blocks(`.runnable[data-lesson="${lesson}"] form.predict`).length;
      const questions = blocks(`form.quiz[data-lesson="${lesson}"] fieldset`).length;
      let tally = list.querySelector(".progress-tally");
      if (!tally) {
        tally = element("p", { class: "progress-tally" });
        list.prepend(tally);
      }
      tally.textContent =
        `Done in this browser: ${done.exercises.length} of ${exercises} exercises passed, ` +
        `${done.checkpoints.length} of ${checkpoints} predictions checked` +
        (questions ? `, ${done.quiz.length} of ${questions} quiz questions right.` : ".");
    }
  }

  // `backticks` in an explanation become <code>, as in the lesson's Markdown.
  const withCode = (/** @type {string} */ text) =>
    text.split("`").map((part, i) => (i % 2 ? element("code", {}, part) : part));

  // What the reader's own run printed for this question, as the build read the recording.
  /**
   * @param {HTMLFormElement} form
   * @param {string} text
   */
  function printedAnswer(form, text) {
    const choices = [...form.querySelectorAll("input")].map((input) => input.value);
    const prefix = form.dataset.line;
    if (prefix) {
      const line = text.split("\n").find((l) => l.startsWith(prefix));
      return line && choices.includes(line.slice(prefix.length).trim()) ? line.slice(prefix.length).trim() : null;
    }
    const word = (/** @type {string} */ choice) =>
      new RegExp(`(?<!\\w)${choice.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\w)`);
    const found = choices.filter((choice) => word(choice).test(text));
    return found.length === 1 ? found[0] : null;
  }

  // --- Exercises -------------------------------------------------------------------
  /** @type {(lesson: string, number: number) => string} */
  const storageKey = (lesson, number) => `${site.pathname}:${lesson}:exercise-${number}`;
  /** @type {() => Promise<ReturnType<typeof import("./answer-store.js").createAnswerStore>>} */
  const answerStore = () =>
    import(asset("assets/runner/answer-store.js")).then(({ createAnswerStore }) =>
      createAnswerStore(() => localStorage),
    );
  /** @type {Promise<ReturnType<typeof import("./progress.js").createProgress>> | null} */
  let progressModule = null;
  const progress = () =>
    (progressModule ??= import(asset("assets/runner/progress.js")).then(
      ({ createProgress }) => createProgress(() => localStorage, site.pathname),
      (error) => {
        progressModule = null; // a failed fetch is tried again next time, not remembered
        throw error;
      },
    ));
  // Kept before the verdict shows, so a reader who reloads at once keeps the
  // tick; if progress.js cannot load (offline, not kept yet), the verdict still shows.
  /** @type {(lesson: string, kind: "exercises" | "checkpoints", id: number | string) => Promise<unknown>} */
  const markDone = (lesson, kind, id) =>
    progress()
      .then((store) => store.mark(lesson, kind, id))
      .catch(() => false);
  /** @type {Map<string, Editor>} each exercise's editor on this page, by storage key: what Download saves */
  const exerciseEditors = new Map();
  const NOT_KEPT =
    "Your code is not being saved in this browser (its storage is full or turned off): " +
    "use “Download your answers” below to keep it.";
  const NEWER_ELSEWHERE =
    "A newer answer to this exercise was saved in another tab, so your edits here are not saved. " +
    "Reload the page to see it (copy your edits first if you want them).";

  /** @param {HTMLElement} box */
  function setUpExercise(box) {
    const lesson = box.dataset.lesson ?? "";
    const number = Number(box.dataset.exercise);
    const code = find(box, ".admonition > .highlight");
    const starter = find(code, "code").textContent.replace(/\n$/, "");
    const bar = element("div", { class: "runner-toolbar", role: "group", "aria-label": `Exercise ${number}` });
    const check = button("Check", { disabled: "" });
    const stop = button("Stop", { disabled: "" });
    const reset = button("Reset");
    const result = element("p", { class: "exercise-result", role: "status" });
    const printed = element("pre", { class: "exercise-printed", hidden: "" });
    if (box.dataset.nativeOnly) bar.append(reset);
    else bar.append(check, stop, reset, restartButton(result));
    code.after(bar, result, printed);
    /** @type {Editor | null} */
    let editor = null;
    bar.append(exploreLink(() => (editor ? editor.text() : starter)));

    // Said where the learner types, and kept in view until it no longer holds.
    const notice = element("p", { class: "exercise-notice", role: "alert", hidden: "" });
    const key = storageKey(lesson, number);
    /** @type {{ initial: string, save(code: string): string, adopt(): string } | null} */
    let answer = null;
    let lastKept = ""; // the text this tab kept last: edits since are its own
    /** @type {() => void} set below: an edit turns "Undo reset" back into "Reset" */
    let edited = () => {};
    /** @param {string} text */
    const keep = (text) => {
      edited();
      const saved = answer?.save(text);
      if (saved === "kept" || saved === "removed") lastKept = text;
      if (saved === "failed") notice.textContent = NOT_KEPT;
      if (saved === "newer-elsewhere") notice.textContent = NEWER_ELSEWHERE;
      notice.hidden = saved !== "failed" && saved !== "newer-elsewhere";
    };

    (async () => {
      const host = element("div", {
        class: "runner-editor",
        id: `exercise-editor-${lesson.replace(/\W/g, "-")}-${number}`,
      });
      code.before(host, notice);
      try {
        answer = (await answerStore()).answer(key, starter);
        lastKept = answer.initial;
        editor = await withEditor(host, answer.initial, `Your answer to exercise ${number}`, keep);
      } catch {
        host.remove();
        result.textContent = "The editor could not load (are you offline?): reload the page once you are online.";
        return;
      }
      exerciseEditors.set(key, editor);
      code.hidden = true;
      check.disabled = false;
    })();

    // Another tab kept an answer to this exercise: show it here too, unless
    // this tab has edits of its own since it last kept one.
    addEventListener("storage", (event) => {
      if (event.key !== key || !editor || !answer) return;
      if (editor.text() === lastKept) {
        lastKept = answer.adopt();
        editor.replace(lastKept);
        notice.hidden = true;
      } else {
        notice.textContent = NEWER_ELSEWHERE;
        notice.hidden = false;
      }
    });

    edited = undoableReset(
      reset,
      () => editor,
      starter,
      (undone) => {
        result.className = "exercise-result";
        result.textContent = undone ? "Your code is back." : "Back to the starting code: Undo reset brings yours back.";
        printed.hidden = true;
      },
    );
    stop.addEventListener("click", stopFor(box));
    check.addEventListener("click", async () => {
      check.disabled = true;
      stop.disabled = false;
      printed.hidden = true;
      result.className = "exercise-result";
      /** @type {Outcome} */
      let outcome;
      try {
        const python = await loadPython();
        result.textContent = python.starting ?? "Checking…";
        const answers = await answersOf(lesson);
        outcome = await python.exec(
          { type: "check", code: editor?.text(), number, lesson, preamble: answers.preamble },
          {
            owner: box,
            limitS: CHECK_LIMIT_S,
            onProgress: () => {
              result.textContent = python.starting ?? "";
            },
            onStart: () => {
              result.textContent = "Checking…";
            },
          },
        );
      } catch (error) {
        const { message } = /** @type {Error} */ (error);
        outcome =
          message === "stopped"
            ? { stopped: true }
            : { passed: false, message: `Python could not start here: ${message}` };
      }
      if (outcome.timedOut) outcome = { passed: false, message: outcome.message };
      if (outcome.crashed) outcome = { passed: false, message: CRASHED(outcome.message ?? "", "check") };
      check.disabled = false;
      stop.disabled = true;
      if (outcome.stopped) {
        result.textContent = "Stopped. Python restarts for your next check.";
        return;
      }
      // The line `python exercises.py` prints for this exercise, and what the code printed.
      const answers = await answersOf(lesson);
      const { title } = answers.exercises.find((item) => item.number === number) ?? { title: "" };
      if (outcome.passed) await markDone(lesson, "exercises", number);
      result.textContent = `${outcome.passed ? "PASS" : "FAIL"}  ${number}. ${title}${outcome.passed ? "" : `: ${outcome.message}`}`;
      result.className = `exercise-result exercise-result--${outcome.passed ? "pass" : "fail"}`;
      if (outcome.passed) showProgress();
      if (outcome.printed) {
        printed.textContent = `Your code printed:\n${outcome.printed.slice(0, 5_000)}`;
        printed.hidden = false;
      }
    });
  }

  // All of a lesson's answers as the answers.py that `python exercises.py` checks.
  /** @param {string} lesson */
  async function downloadAnswers(lesson) {
    const answers = await answersOf(lesson);
    const parts = [answers.preamble.trimEnd(), ""];
    for (const exercise of answers.exercises) {
      const key = storageKey(lesson, exercise.number);
      // What the editor shows, else what was kept, else the starter.
      const code = exerciseEditors.get(key)?.text() ?? (await answerStore()).read(key)?.code;
      parts.push("", exercise.header, "", "", code || exercise.starter, "", "");
    }
    const file = new Blob([`${parts.join("\n").trimEnd()}\n`], { type: "text/x-python" });
    const link = element("a", { href: URL.createObjectURL(file), download: "answers.py" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  /** @param {HTMLElement} list */
  function setUpExerciseList(list) {
    const download = button("Download your answers (answers.py)");
    download.addEventListener("click", () => downloadAnswers(list.dataset.lesson ?? ""));
    list.append(download);
  }

  // --- Every page, including after Material's instant navigation -----------------
  // Controls are added as their block comes near the screen, not all at load:
  // on a phone, adding them to every block at once was main-thread time the
  // reader waits through (Lighthouse: total blocking time).
  /** @type {WeakMap<Element, () => void>} what each block waits to set up */
  const controls = new WeakMap();
  const whenNear = new IntersectionObserver(
    (entries) => {
      for (const entry of entries.filter((e) => e.isIntersecting)) {
        whenNear.unobserve(entry.target);
        controls.get(entry.target)?.();
        controls.delete(entry.target);
      }
    },
    { rootMargin: "1000px 0px" },
  );

  /**
   * @param {HTMLElement} box
   * @param {() => void} setUpControls
   */
  function setUpLater(box, setUpControls) {
    box.dataset.ready = "";
    controls.set(box, setUpControls);
    whenNear.observe(box);
  }

  const blocks = (/** @type {string} */ selector) =>
    /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(selector));

  function setUp() {
    if (document.getElementById("print-site-page")) return; // the print page stays plain
    for (const [index, box] of blocks(".runnable:not([data-ready])").entries()) {
      setUpLater(box, () => {
        const snippet = setUpSnippet(box, index);
        const form = box.querySelector("form.predict");
        if (form && snippet) setUpCheckpoint(/** @type {HTMLFormElement} */ (form), snippet);
      });
    }
    for (const box of blocks(".exercise:not([data-ready])")) {
      setUpLater(box, () => setUpExercise(box));
    }
    for (const form of blocks("form.quiz:not([data-ready])")) {
      setUpLater(form, () => setUpQuizForm(/** @type {HTMLFormElement} */ (form)));
    }
    for (const list of blocks(".exercise-list:not([data-ready])")) {
      list.dataset.ready = "";
      setUpExerciseList(list);
    }
    // The bytecode explorer, on its own page: loaded only there.
    const explorer = /** @type {HTMLElement | null} */ (document.querySelector("[data-explorer]"));
    if (explorer) {
      /** @type {Promise<typeof import("../explorer/explorer.src.js")>} */
      const module = import(asset("assets/explorer/explorer.js"));
      module.then(({ mount }) => mount(explorer, asset));
    }
    // Read only if anything was kept: a reader who has done nothing yet fetches nothing more.
    if (!anyProgressKept()) return;
    if (document.querySelector(".exercise-list")) showProgress();
    if (document.querySelector(".lesson-table")) showLessonProgress();
  }

  // On a page listing lessons, what was done in each.
  const anyProgressKept = () => {
    try {
      return Object.keys(localStorage).some((key) => key.startsWith(`${site.pathname}:`) && key.endsWith(":progress"));
    } catch {
      return false;
    }
  };
  async function showLessonProgress() {
    const store = await progress();
    const links = /** @type {NodeListOf<HTMLAnchorElement>} */ (
      document.querySelectorAll(".lesson-table td:first-child a")
    );
    for (const link of links) {
      const lesson = new URL(link.href).pathname.slice(site.pathname.length).replace(/\/$/, "");
      const done = store.read(lesson);
      const count = done.exercises.length + done.checkpoints.length;
      if (count && !link.parentElement?.querySelector(".done-tick"))
        link.after(" ", tick(`${done.exercises.length} passed, ${done.checkpoints.length} predicted`));
    }
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
        // And the page shown in place of one not kept.
        const urls = [location.href, ...loaded, asset("offline/")].filter((url) => url.startsWith(site.origin));
        registration.active?.postMessage({ type: "keep", urls });
      } catch {
        /* no service worker (private mode, file://): the site still works online */
      }
    });
  }
})();
