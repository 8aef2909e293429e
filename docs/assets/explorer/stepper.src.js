// @ts-check
// The stepper under a lesson's snippet (`::snippet[...]{stepper=yes}`,
// course/markdown.py): the block's code, as edited, run once on the page's
// Python and drawn a step at a time. runner.js mounts it when the reader
// first asks; bundled by esbuild (hooks/python_runtime.py) into stepper.js.

import { STEP_LIMIT, stepperParts, stepThrough } from "./stepping.js";

/**
 * @param {HTMLElement} holder the block's [data-stepper-place]
 * @param {object} options
 * @param {() => string} options.code what the block holds now
 * @param {() => Promise<import("./stepping.js").Python>} options.python the page's Python (runner.js)
 * @param {string} options.series
 * @param {string} options.build the build, in words
 * @param {(tag: string, attributes?: Record<string, string>, text?: string) => HTMLElement} options.element
 */
export function mountStepper(holder, { code, python, series, build, element }) {
  const parts = stepperParts(element, `Step through it on ${series}`);
  const row = element("div", { class: "explorer__options" });
  row.append(parts.start, parts.stop);
  const intro = element(
    "p",
    { class: "stepper__intro" },
    `Runs the code above once (up to ${STEP_LIMIT.toLocaleString("en")} instructions) and records each ` +
      "instruction: move through them to see the value stack, the names and the objects they point to.",
  );
  holder.replaceChildren(intro, row, parts.status, parts.view.panel);
  const owner = {};
  parts.start.addEventListener("click", async () => {
    parts.start.setAttribute("disabled", "");
    const pool = await python().catch(() => null);
    if (pool) await stepThrough({ python: pool, owner, source: code(), series, build }, parts);
    else parts.status.textContent = "Python could not be loaded: are you offline before a first Run?";
    parts.start.removeAttribute("disabled");
  });
  parts.stop.addEventListener("click", () => python().then((pool) => pool.stop(owner)));
  return parts;
}
