// @ts-check
// Recording a run for the stepper and drawing it: shared by the explorer's
// stepper (explorer.src.js) and the stepper under a lesson's snippet
// (stepper.src.js). Python runs the code once in its worker (stepper.py) and
// the panel (stepper-view.js) then moves through the record.

import { stepperPanel } from "./stepper-view.js";

export const STEP_LIMIT = 5000; // instructions recorded, at most
export const STEP_LIMIT_S = 30; // a run still going after this is stopped (an endless loop that catches everything)

/** @typedef {ReturnType<typeof import("../runner/python-pool.js").createPython>} Python */
/** @typedef {(tag: string, attributes?: Record<string, string>, text?: string) => HTMLElement} Make */

/**
 * The stepper's controls: start, Stop (while it runs), what it says, and its panel.
 * @param {Make} element
 * @param {string} startText
 */
export function stepperParts(element, startText) {
  const start = element("button", { type: "button", class: "md-button runner-button" }, startText);
  const stop = element("button", { type: "button", class: "md-button runner-button" }, "Stop");
  stop.hidden = true;
  const status = element("p", { class: "explorer__status stepper__status", role: "status" });
  const view = stepperPanel(element);
  return { start, stop, status, view };
}

// The panel's styles (assets/stepper.css) come with the first run: a page
// whose reader never steps through code does not fetch them.
function withStyles() {
  if (document.querySelector("link[data-stepper-styles]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("../stepper.css", import.meta.url).href; // beside assets/explorer/, where the bundles are
  link.dataset.stepperStyles = "";
  document.head.append(link);
}

/** @param {number} count */
const stepsWord = (count) => `${count.toLocaleString("en")} step${count === 1 ? "" : "s"}`;

/**
 * Runs `source` once on `python`, records it, and shows the record (or why
 * there is none). Resolves to whether a record is shown.
 * @param {object} run
 * @param {Python} run.python
 * @param {unknown} run.owner whose Stop ends it
 * @param {string} run.source
 * @param {string} run.series "3.14"
 * @param {string} run.build the build, in words ("3.14.2 · Pyodide 314.0.8 · 32-bit WebAssembly")
 * @param {ReturnType<typeof stepperParts>} parts
 * @returns {Promise<boolean>}
 */
export async function stepThrough({ python, owner, source, series, build }, { stop, status, view }) {
  const say = (/** @type {string} */ text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  withStyles();
  stop.hidden = false;
  say(python.starting ?? `Running your code on ${series}…`);
  const result = await python
    .exec(
      { type: "step", source, limit: STEP_LIMIT },
      {
        owner,
        limitS: STEP_LIMIT_S,
        onProgress: () => say(python.starting ?? ""),
        onStart: () => say(`Running your code on ${series}…`),
      },
    )
    .catch((/** @type {Error} */ error) => ({ failed: error.message }));
  stop.hidden = true;
  if ("trace" in result && result.trace) {
    /** @type {import("./trace.js").Trace} */
    const trace = JSON.parse(result.trace);
    if (trace.ended === "syntax") {
      view.hide();
      say(`Your code does not compile, so there is nothing to step through:\n${trace.message}`);
      return false;
    }
    view.show(trace, source);
    say(`Your code ran on ${build}: ${stepsWord(trace.steps.length)} recorded.`);
    return true;
  }
  view.hide();
  if ("failed" in result) say(`Python ${series} could not start: ${result.failed}`);
  else if (result.stopped) say("Stopped. Step through it again when you are ready.");
  else say(`Python ${series} stopped: ${result.message}`);
  return false;
}
