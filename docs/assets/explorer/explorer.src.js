// @ts-check
// The bytecode explorer (docs/explorer.md, placed by ::explorer[...]): the
// learner's code as `dis` lists it on each CPython series the site serves,
// side by side. Each series runs in its own worker (python-pool.js, worker.js,
// bytecode.py), started when its listing is first shown. The address holds
// what is shown (listing.js), so a link opens the same listings. Bundled by
// esbuild (hooks/python_runtime.py) into explorer.js; runner.js mounts it.

import { differingLines, instructionName, readFragment, SERIES, writeFragment } from "./listing.js";
import { STEP_LIMIT, stepperParts, stepThrough } from "./stepping.js";

const ADAPTIVE_RUNS = 10; // runs of the code before a specialised listing: enough to warm up every series
const PAUSE_MS = 150; // an edit this long ago is recompiled (the listings follow within 300 ms)
const LIMIT_S = 10; // a listing whose code runs longer (specialised listings only) is stopped

/** @typedef {import("../runner/python-pool.js").Runtime & { python: string, pyodide: string, build: string }} Runtime */
/** @typedef {{ default: string, runtimes: Record<string, Runtime>, missing: Record<string, string>, add: string }} Runtimes */
/** @typedef {ReturnType<typeof import("../runner/python-pool.js").createPython>} Python */
/** @typedef {{ python: Python, listing: string, specialised: Record<string, string>, busy: boolean, again: boolean }} Build one series: its Python, its latest listing and the specialised instructions in it */

/**
 * Where the explorer shows `code`, for "See bytecode" under each snippet and
 * exercise (runner.js): relative to the site's root.
 * @param {string} code
 */
export function explorerAddress(code) {
  const pair = ["3.13", "3.14"]; // the last native series beside the lessons' own: their differences marked
  return `explorer/${writeFragment({ code, builds: pair, compare: pair, adaptive: false, step: "" })}`;
}

// Once a listing is made, what the explorer fetched before the service worker
// took over the page is asked for again through it, and so kept: offline, the
// explorer then works as it did (each runtime is kept as it passes through).
let keptForOffline = false;
/** @param {(path: string) => string} asset */
function keepForOffline(asset) {
  const worker = navigator.serviceWorker?.controller;
  if (keptForOffline || !worker) return;
  keptForOffline = true;
  const files = ["explorer/", "assets/runtime/runtime.json", "assets/explorer/instructions.json"];
  const scripts = ["assets/explorer/explorer.js", "assets/runner/editor.js", "assets/runner/python-pool.js"];
  worker.postMessage({ type: "keep", urls: [...files, ...scripts].map(asset) });
}

/** @type {Map<string, Build>} every series started, kept across Material's page swaps */
const started = new Map();

// The service worker keeps a runtime for offline use as it passes through it,
// so on a first visit Python starts once the worker controls the page (it
// takes over as the page loads: runner.js registers it), or after a few
// seconds without one (a private window, say: the explorer still works).
const CONTROL_WAIT_MS = 3000;
/** @returns {Promise<void>} */
function whenControlled() {
  const workers = navigator.serviceWorker;
  if (!workers || workers.controller) return Promise.resolve();
  return new Promise((resolve) => {
    workers.addEventListener("controllerchange", () => resolve(), { once: true });
    setTimeout(resolve, CONTROL_WAIT_MS);
  });
}

/**
 * @param {HTMLElement} root the [data-explorer] element; its code is the start
 * @param {(path: string) => string} asset a path on this site, as a full URL
 */
export async function mount(root, asset) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const [runtimes, pool, editors, links] = await Promise.all([
    /** @type {Promise<Runtimes>} */ (fetch(asset("assets/runtime/runtime.json")).then((r) => r.json())),
    /** @type {Promise<typeof import("../runner/python-pool.js")>} */ (import(asset("assets/runner/python-pool.js"))),
    /** @type {Promise<typeof import("../runner/editor.src.js")>} */ (import(asset("assets/runner/editor.js"))),
    /** @type {Promise<Record<string, string>>} */ (
      fetch(asset("assets/explorer/instructions.json")).then((r) => (r.ok ? r.json() : {}))
    ),
  ]);
  const served = SERIES.filter((series) => series in runtimes.runtimes);
  const fallback = {
    code: (root.querySelector("code")?.textContent ?? "").replace(/\n*$/, "\n"),
    builds: [runtimes.default], // one download (the lessons' Python, often kept already) until more are asked for
    compare: served.filter((series) => ["3.13", runtimes.default].includes(series)),
    adaptive: false,
    step: "",
  };
  let shown = readShown(fallback);

  const page = build(root, served, runtimes, editors.KEYBOARD_HINT);
  const editor = editors.createEditor(page.editor, shown.code, {
    label: "Your code",
    describedBy: page.hint.id,
    onChange(text) {
      shown = { ...shown, code: text };
      soon();
    },
  });

  // Each shown series lists the code once its Python is ready, and again
  // after every change; a change made while it lists is listed next.
  /** @param {string} series */
  function python(series) {
    let kept = started.get(series);
    if (!kept) {
      const runtime = runtimes.runtimes[series];
      const runtimeOnceKept = () => whenControlled().then(() => runtime);
      const made = pool.createPython({ runtime: runtimeOnceKept, createWorker: pool.siteWorker(asset) });
      kept = { python: made, listing: "", specialised: {}, busy: false, again: false };
      started.set(series, kept);
    }
    return kept;
  }

  /** @param {string} series */
  async function list(series) {
    const kept = python(series);
    if (kept.busy) {
      kept.again = true;
      return;
    }
    kept.busy = true;
    const listing = page.listings.get(series);
    do {
      kept.again = false;
      const message = { type: "explore", source: shown.code, runs: shown.adaptive ? ADAPTIVE_RUNS : 0 };
      const result = await kept.python
        .exec(message, {
          owner: kept,
          limitS: LIMIT_S,
          onProgress: () => listing?.say(kept.python.starting ?? ""),
        })
        .catch((/** @type {Error} */ error) => ({ failed: error.message }));
      kept.listing = "listing" in result ? (result.listing ?? "") : "";
      kept.specialised = "specialised" in result ? (result.specialised ?? {}) : {};
      if (kept.listing) keepForOffline(asset);
      listing?.say(problemOf(series, result));
    } while (kept.again);
    kept.busy = false;
    draw();
  }

  /**
   * What a listing says under its title: nothing when all went well.
   * @param {string} series
   * @param {import("../runner/python-pool.js").Result & { failed?: string }} result
   */
  function problemOf(series, result) {
    if (result.failed) return `Python ${series} could not start: ${result.failed}`;
    if (result.timedOut || result.crashed) return `Python ${series} stopped: ${result.message}`;
    if (result.problem) return result.problem;
    return shown.adaptive ? `Specialised after ${ADAPTIVE_RUNS} runs of your code.` : "";
  }

  // Every listing drawn, the two compared marked where they differ.
  function draw() {
    const [first, second] = shown.compare;
    const comparing = shown.builds.includes(first) && shown.builds.includes(second);
    const ready = comparing && started.get(first)?.listing && started.get(second)?.listing;
    const marks = ready
      ? differingLines(
          /** @type {Build} */ (started.get(first)).listing,
          /** @type {Build} */ (started.get(second)).listing,
        )
      : [new Set(), new Set()];
    for (const series of shown.builds) {
      const index = ready ? shown.compare.indexOf(series) : -1;
      const kept = started.get(series);
      page.listings
        .get(series)
        ?.fill(kept?.listing ?? "", index >= 0 ? marks[index] : new Set(), kept?.specialised ?? {});
    }
    page.summary.textContent = !comparing
      ? "Show two builds to mark where their bytecode differs."
      : ready
        ? `Marked: ${count(marks[0].size)} of ${first} and ${count(marks[1].size)} of ${second} that the other does not have.`
        : "";
  }

  // What the controls say, made so: listings shown and hidden, and the address
  // updated (not before the learner changes something: a link to the page, or
  // to its heading, stays as it was followed).
  function apply(address = true) {
    for (const [series, listing] of page.listings) {
      listing.section.hidden = !shown.builds.includes(series);
      // The two compared first, side by side where there is room (above the rest on a phone).
      listing.section.style.order = String(shown.compare.includes(series) ? shown.compare.indexOf(series) : 2);
    }
    for (const [series, box] of page.builds) box.checked = shown.builds.includes(series);
    page.compare.forEach((select, index) => {
      select.value = shown.compare[index] ?? "";
    });
    page.adaptive.checked = shown.adaptive;
    page.stepper.choose.value = shown.step || page.stepper.choose.value;
    page.stepper.close.hidden = !shown.step;
    if (address) history.replaceState(history.state, "", writeFragment(shown));
    for (const series of shown.builds) list(series);
    if (shown.step) step();
    draw();
  }

  // The stepper: the code run once on the chosen series, recorded, then
  // drawn a step at a time (stepper-view.js). An edit records it again.
  const stepOwner = {};
  let recorded = "";
  let fromLink = Boolean(shown.step); // a link that opens the stepper: shown once it has a run
  let recording = false;
  async function step() {
    const wanted = `${shown.step}\n${shown.code}`;
    if (recording || wanted === recorded) return;
    recording = true;
    recorded = wanted;
    const series = shown.step;
    const run = { python: python(series).python, owner: stepOwner, source: shown.code, series };
    if (await stepThrough({ ...run, build: runtimes.runtimes[series].build }, page.stepper)) {
      keepForOffline(asset);
      if (fromLink) page.stepper.section.scrollIntoView({ block: "start" });
    }
    fromLink = false;
    recording = false;
    // Not run again until the code changes or the learner asks ("Step through it").
    if (shown.step && `${shown.step}\n${shown.code}` !== recorded) step();
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pending;
  function soon() {
    clearTimeout(pending);
    pending = setTimeout(apply, PAUSE_MS);
  }

  for (const [series, box] of page.builds) {
    box.addEventListener("change", () => {
      const builds = SERIES.filter((each) => (each === series ? box.checked : shown.builds.includes(each)));
      shown = { ...shown, builds };
      apply();
    });
  }
  page.compare.forEach((select) => {
    select.addEventListener("change", () => {
      const compare = page.compare.map((each) => each.value);
      // A build picked to compare is shown, in series order.
      shown = {
        ...shown,
        compare,
        builds: SERIES.filter((each) => shown.builds.includes(each) || compare.includes(each)),
      };
      apply();
    });
  });
  page.adaptive.addEventListener("change", () => {
    shown = { ...shown, adaptive: page.adaptive.checked };
    apply();
  });
  page.stepper.start.addEventListener("click", () => {
    shown = { ...shown, step: page.stepper.choose.value };
    recorded = "";
    apply();
  });
  page.stepper.choose.addEventListener("change", () => {
    if (!shown.step) return;
    shown = { ...shown, step: page.stepper.choose.value };
    apply();
  });
  page.stepper.stop.addEventListener("click", () => started.get(shown.step)?.python.stop(stepOwner));
  page.stepper.close.addEventListener("click", () => {
    shown = { ...shown, step: "" };
    recorded = "";
    page.stepper.view.hide();
    page.stepper.status.textContent = "";
    apply();
    page.stepper.start.focus();
  });
  page.copy.addEventListener("click", async () => {
    const link = new URL(writeFragment(shown), location.href).href;
    const copied = await navigator.clipboard?.writeText(link).then(
      () => true,
      () => false,
    );
    page.copied.textContent = copied
      ? "Link copied: it opens these listings."
      : "Your browser did not let the page copy: copy the address from the address bar.";
  });
  // A link to other listings opened on this page (pasted, or Back).
  window.addEventListener("hashchange", () => {
    if (!document.body.contains(root)) return;
    const read = readShown(shown);
    if (read.code !== shown.code) editor.replace(read.code);
    shown = read;
    apply();
  });
  apply(location.hash.includes("code="));

  /**
   * What the address asks for, of what this site serves.
   * @param {typeof fallback} otherwise
   * @returns {typeof fallback}
   */
  function readShown(otherwise) {
    let read = otherwise;
    try {
      read = readFragment(location.hash, otherwise);
    } catch {
      // a damaged link: the code it held cannot be read
    }
    const builds = read.builds.filter((series) => served.includes(series));
    return { ...read, builds: builds.length ? builds : fallback.builds };
  }

  /**
   * The explorer's controls and listings, in place of the code it starts with.
   * @param {HTMLElement} holder
   * @param {string[]} series what the site serves
   * @param {Runtimes} all
   * @param {string} keyboardHint how to leave the editor, said beside it (hidden on a touch screen)
   */
  function build(holder, series, all, keyboardHint) {
    const element = (/** @type {string} */ tag, /** @type {Record<string, string>} */ attributes = {}, text = "") => {
      const made = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
      made.textContent = text;
      return made;
    };
    const editorLabel = element("p", { class: "explorer__label" }, "Your code");
    const editorHolder = element("div", { class: "explorer__editor" });
    const hint = element("p", { class: "runner-hint", id: "explorer-hint" }, keyboardHint);

    const fieldset = element("fieldset", { class: "explorer__builds" });
    fieldset.append(element("legend", {}, "Builds shown"));
    /** @type {Map<string, HTMLInputElement>} */
    const boxes = new Map();
    for (const each of SERIES) {
      const label = element("label");
      const box = /** @type {HTMLInputElement} */ (element("input", { type: "checkbox", value: each }));
      box.disabled = !series.includes(each);
      label.append(box, ` ${each}`);
      fieldset.append(label);
      boxes.set(each, box);
    }
    const missing = Object.keys(all.missing);
    if (missing.length) {
      fieldset.append(
        element(
          "p",
          { class: "explorer__missing" },
          `This copy of the site does not serve ${missing.join(", ")}: its author adds them with ${all.add}.`,
        ),
      );
    }

    const options = element("div", { class: "explorer__options" });
    const compareLabel = element("label", { class: "explorer__compare" }, "Mark differences between ");
    const compare = [0, 1].map((index) => {
      const select = /** @type {HTMLSelectElement} */ (element("select", { "aria-label": `Build ${index + 1}` }));
      for (const each of series) select.append(element("option", { value: each }, each));
      return select;
    });
    compareLabel.append(compare[0], " and ", compare[1]);
    const adaptiveLabel = element("label", { class: "explorer__adaptive" });
    const adaptive = /** @type {HTMLInputElement} */ (element("input", { type: "checkbox" }));
    adaptiveLabel.append(adaptive, ` Specialised instructions, after ${ADAPTIVE_RUNS} runs of your code`);
    const copy = element(
      "button",
      { type: "button", class: "md-button runner-button" },
      "Copy a link to these listings",
    );
    const copied = element("span", { class: "explorer__copied", role: "status" });
    options.append(compareLabel, adaptiveLabel, copy, copied);

    const stepper = stepperSection(series, all, element);
    const summary = element("p", { class: "explorer__summary", role: "status" });
    const area = element("div", { class: "explorer__listings" });
    /** @type {Map<string, ReturnType<typeof listingOf>>} */
    const listings = new Map();
    for (const each of series) {
      const made = listingOf(each, all.runtimes[each], element);
      area.append(made.section);
      listings.set(each, made);
    }
    holder.replaceChildren(editorLabel, editorHolder, hint, fieldset, options, stepper.section, summary, area);
    return { editor: editorHolder, hint, builds: boxes, compare, adaptive, copy, copied, summary, listings, stepper };
  }

  /**
   * The stepper's controls and panel: which build it runs on, start, stop, close.
   * @param {string[]} series what the site serves
   * @param {Runtimes} all
   * @param {(tag: string, attributes?: Record<string, string>, text?: string) => HTMLElement} element
   */
  function stepperSection(series, all, element) {
    const section = element("section", { class: "stepper", "aria-labelledby": "stepper-title" });
    const title = element("h2", { id: "stepper-title" }, "Step through your code");
    const intro = element(
      "p",
      { class: "stepper__intro" },
      `Your code runs once, up to ${STEP_LIMIT.toLocaleString("en")} instructions, and each one is recorded: ` +
        "move through them to see the value stack, the names and the objects they point to.",
    );
    const row = element("div", { class: "explorer__options" });
    const label = element("label", {}, "Run it on ");
    const choose = /** @type {HTMLSelectElement} */ (element("select"));
    for (const each of series) choose.append(element("option", { value: each }, each));
    choose.value = all.default;
    label.append(choose);
    const parts = stepperParts(element, "Step through it");
    const close = element("button", { type: "button", class: "md-button runner-button" }, "Close the stepper");
    close.hidden = true;
    row.append(label, parts.start, parts.stop, close);
    section.append(title, intro, row, parts.status, parts.view.panel);
    return { section, choose, close, ...parts };
  }

  /**
   * One series' listing: its title names the exact build; `fill` writes what
   * `dis` printed, character for character, with the lines that differ from
   * the compared build marked and each instruction's name, the first time it
   * appears, linked to where the course explains it (a specialised
   * instruction, to where its family is explained, and marked as specialised).
   * @param {string} series
   * @param {Runtime} runtime
   * @param {(tag: string, attributes?: Record<string, string>, text?: string) => HTMLElement} element
   */
  function listingOf(series, runtime, element) {
    const section = element("section", {
      class: "explorer__listing",
      "aria-labelledby": `listing-${series.replace(".", "-")}`,
    });
    const title = element("h2", { id: `listing-${series.replace(".", "-")}` }, `${series} `);
    title.append(element("span", { class: "explorer__build" }, runtime.build));
    const status = element("p", { class: "explorer__status", "aria-live": "polite" });
    const listed = element("p", { class: "explorer__status explorer__status--code", "aria-live": "polite" }); // a syntax error, as Python prints it
    const pre = element("pre", { class: "explorer__pre", "data-build": series, tabindex: "0" });
    pre.setAttribute("aria-label", `Bytecode on ${series}`);
    section.append(title, status, listed, pre);
    return {
      section,
      say: (/** @type {string} */ text) => {
        // Python's own words (a SyntaxError and its caret) keep their columns.
        const [said, unsaid] = text.startsWith('File "<explorer>"') ? [listed, status] : [status, listed];
        if (said.textContent !== text) said.textContent = text;
        unsaid.textContent = "";
      },
      fill(
        /** @type {string} */ text,
        /** @type {Set<number>} */ marked,
        /** @type {Record<string, string>} */ specialised,
      ) {
        const lines = text.split("\n");
        const linked = new Set();
        pre.replaceChildren();
        lines.forEach((line, index) => {
          const into = marked.has(index) ? pre.appendChild(element("mark", { class: "explorer__differs" })) : pre;
          const name = instructionName(line);
          const family = name ? specialised[name] : undefined;
          const explained = name ? (links[name] ?? (family ? links[family] : undefined)) : undefined;
          if (name && (explained || family) && !linked.has(name)) {
            linked.add(name);
            const at = line.indexOf(name);
            const named = explained ? element("a", { href: asset(explained) }, name) : element("span", {}, name);
            if (family) {
              // Marked by its style and said in words (not in the text: it is exactly what dis printed).
              named.classList.add("explorer__specialised");
              named.title = `Specialised from ${family}`;
              if (explained) named.setAttribute("aria-label", `${name}, specialised from ${family}`);
            }
            into.append(line.slice(0, at), named, line.slice(at + name.length));
          } else into.append(line);
          if (index < lines.length - 1) pre.append("\n");
        });
      },
    };
  }
}

/** @param {number} lines */
const count = (lines) => `${lines} line${lines === 1 ? "" : "s"}`;
