// @ts-check
// The stepper's panel: one recorded run (trace.js) drawn a step at a time:
// the source line and the instruction about to run, each frame's names and
// value stack, and the objects they point to, as boxes with arrows. The
// explorer (explorer.src.js) records runs and hands them here.

import {
  current,
  describe,
  instructionAt,
  instructionText,
  lineStep,
  lineWords,
  objectsAt,
  pointers,
} from "./trace.js";

const SVG = "http://www.w3.org/2000/svg";
const SHORT = 14; // characters of a value written in the slot or name that points to it
// Values written where they are used, unless the learner asks to see them as
// objects too (then two names bound to one number show one box).
const WRITTEN_IN_PLACE = new Set(["int", "float", "complex", "str", "bytes", "bool", "NoneType"]);

/**
 * @param {(tag: string, attributes?: Record<string, string>, text?: string) => HTMLElement} element
 * @returns the panel, and `show(trace, source)` to draw a run in it
 */
export function stepperPanel(element) {
  const panel = element("div", { class: "stepper__panel" });
  panel.hidden = true;
  const controls = element("div", { class: "stepper__controls", role: "group", "aria-label": "Move through the run" });
  /** @type {[string, string, (at: number) => number][]} */
  const moves = [
    ["Start", "Start: the first step", () => 0],
    ["◀ Line", "Back one line", (at) => lineStep(trace, at, -1)],
    ["◀ Step", "Step back one instruction", (at) => Math.max(0, at - 1)],
    ["Step ▶", "Step forward one instruction", (at) => Math.min(trace.steps.length - 1, at + 1)],
    ["Line ▶", "Forward one line", (at) => lineStep(trace, at, 1)],
    ["End", "End: the last step", () => trace.steps.length - 1],
  ];
  const buttons = moves.map(([text, label, move]) => {
    const button = element("button", { type: "button", class: "md-button runner-button", "aria-label": label }, text);
    button.addEventListener("click", () => go(move(at)));
    controls.append(button);
    return button;
  });
  const slider = /** @type {HTMLInputElement} */ (
    element("input", { type: "range", min: "0", value: "0", class: "stepper__slider", "aria-label": "Step" })
  );
  slider.addEventListener("input", () => go(Number(slider.value)));
  const where = element("p", { class: "stepper__where", "aria-live": "polite" });
  const everyObject = /** @type {HTMLInputElement} */ (element("input", { type: "checkbox" }));
  const everyObjectLabel = element("label", { class: "stepper__every" });
  everyObjectLabel.append(everyObject, " Numbers and strings as objects too");
  everyObject.addEventListener("change", () => draw());

  const source = element("pre", {
    class: "stepper__source",
    tabindex: "0",
    role: "region",
    "aria-label": "Your code, the current line marked",
  });
  const listingTitle = element("p", { class: "stepper__label" });
  const listing = element("pre", { class: "stepper__listing", tabindex: "0", role: "region" });
  const code = element("div", { class: "stepper__code" });
  code.append(element("p", { class: "stepper__label" }, "Line about to run"), source, listingTitle, listing);

  const frames = element("div", { class: "stepper__frames" });
  const objects = element("div", { class: "stepper__objects" });
  const arrows = document.createElementNS(SVG, "svg");
  arrows.setAttribute("class", "stepper__arrows");
  arrows.setAttribute("aria-hidden", "true");
  const memory = element("div", { class: "stepper__memory" });
  memory.append(frames, objects, arrows);
  const printedLabel = element("p", { class: "stepper__label" }, "Printed so far");
  const printed = element("pre", {
    class: "stepper__printed",
    tabindex: "0",
    role: "region",
    "aria-label": "Printed so far",
  });
  const ended = element("p", { class: "stepper__ended" });
  const grid = element("div", { class: "stepper__grid" });
  grid.append(code, memory);
  // The buttons and where they are stay at the foot of the screen while the panel is in view.
  const bar = element("div", { class: "stepper__bar" });
  bar.append(where, controls, slider);
  panel.append(everyObjectLabel, grid, printedLabel, printed, ended, bar);

  /** @type {import("./trace.js").Trace} */
  let trace = { codes: [], views: [], steps: [], printed: "", ended: "", message: "" };
  let at = 0;
  let drawnCode = -1;
  new ResizeObserver(() => drawArrows()).observe(memory);
  /**
   * The box of the object a name, slot or item points to (the event's target), marked; null if none.
   * @param {Event} event
   */
  const markPointed = (event) => {
    const ref = /** @type {HTMLElement} */ (event.target).closest?.("[data-ref]")?.getAttribute("data-ref");
    const box = ref ? memory.querySelector(`[data-object="${ref}"]`) : null;
    for (const each of memory.querySelectorAll(".stepper__object")) {
      each.classList.toggle("stepper__object--pointed", each === box);
    }
    return box;
  };
  // Marked while the value has the pointer or focus; pressed, its box is also brought into view.
  for (const kind of ["pointerover", "focusin"]) memory.addEventListener(kind, markPointed);
  memory.addEventListener("click", (event) => markPointed(event)?.scrollIntoView({ block: "nearest" }));

  /** @param {number} index */
  function go(index) {
    at = Math.max(0, Math.min(trace.steps.length - 1, index));
    draw();
  }

  function draw() {
    const step = trace.steps[at];
    slider.value = String(at);
    const focused = buttons.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    buttons.forEach((button, index) => {
      /** @type {HTMLButtonElement} */ (button).disabled = index < 3 ? at === 0 : at === trace.steps.length - 1;
    });
    // A button that just disabled itself (End, say) hands the focus to its nearest neighbour still enabled.
    if (focused >= 0 && /** @type {HTMLButtonElement} */ (buttons[focused]).disabled) {
      const toward = focused < 3 ? buttons.slice(3) : buttons.slice(0, 3).reverse();
      toward.find((button) => !(/** @type {HTMLButtonElement} */ (button).disabled))?.focus();
    }
    where.textContent = describe(trace, at);
    const frame = current(step);
    const lines = source.querySelectorAll("span");
    for (const [index, line] of lines.entries()) {
      const here = index + 1 === frame.line;
      line.classList.toggle("stepper__here", here);
      if (here) line.setAttribute("aria-current", "step");
      else line.removeAttribute("aria-current");
    }
    if (frame.line) keepInView(source, lines[frame.line - 1]);
    drawListing(step);
    drawMemory(step);
    printed.textContent = trace.printed.slice(0, step.printed);
    const last = at === trace.steps.length - 1;
    ended.textContent = last ? endedWords() : "";
  }

  function endedWords() {
    if (trace.ended === "raised")
      return `After this step your code raised an exception it did not catch:\n${trace.message}`;
    if (trace.ended === "limit") return trace.message;
    return "This is the last instruction your code runs.";
  }

  /** @param {import("./trace.js").Step} step */
  function drawListing(step) {
    const frame = current(step);
    const { row } = instructionAt(trace, step);
    if (drawnCode !== frame.code) {
      drawnCode = frame.code;
      const { name, rows } = trace.codes[frame.code];
      listingTitle.textContent = `Bytecode of ${name === "<module>" ? "your module" : name}`;
      listing.setAttribute("aria-label", listingTitle.textContent);
      listing.replaceChildren(
        ...rows.map((row) =>
          element(
            "span",
            {},
            `${String(row[1] ?? "").padStart(3)} ${String(row[0]).padStart(4)} ${instructionText(row)}\n`,
          ),
        ),
      );
    }
    const spans = listing.querySelectorAll("span");
    for (const [index, span] of spans.entries()) {
      span.classList.toggle("stepper__here", index === row);
      if (index === row) span.setAttribute("aria-current", "step");
      else span.removeAttribute("aria-current");
    }
    keepInView(listing, spans[row]);
  }

  /**
   * A row into view within its own scrolling box: the page itself does not move.
   * @param {HTMLElement} box
   * @param {HTMLElement | undefined} row
   */
  function keepInView(box, row) {
    if (row && (row.offsetTop < box.scrollTop || row.offsetTop > box.scrollTop + box.clientHeight - 24)) {
      box.scrollTop = row.offsetTop - box.clientHeight / 3;
    }
  }

  /** @param {import("./trace.js").Step} step */
  function drawMemory(step) {
    const views = objectsAt(trace, step);
    const counts = pointers(trace, step);
    const inPlace = (/** @type {number} */ ref) =>
      !everyObject.checked && WRITTEN_IN_PLACE.has(views.get(ref)?.[1] ?? "");
    const shortText = (/** @type {number} */ ref) => {
      const text = views.get(ref)?.[2] ?? `object ${ref}`;
      return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
    };
    const pointer = (/** @type {number} */ ref) => {
      const view = views.get(ref);
      const text = view ? view[2] : `object ${ref}`;
      const short = shortText(ref);
      const described = `${text}, object ${ref}${view ? ` (${view[1]})` : ""}`;
      if (inPlace(ref)) return element("span", { class: "stepper__value", title: described }, short);
      // A button, not a link: the explorer's address holds its code, and a link's #fragment would replace it.
      const chip = element("button", { type: "button", class: "stepper__ref", "data-ref": String(ref) }, short);
      // Said in full after what is shown: the name a screen reader gives holds the visible text.
      chip.append(element("span", { class: "stepper__unshown" }, `: ${described}`));
      return chip;
    };
    frames.replaceChildren(
      element("p", { class: "stepper__label" }, "Frames"),
      ...step.frames.map((frame, index) => {
        const card = element("section", { class: `stepper__frame stepper__frame--${frame.state}` });
        const isCurrent = index === step.frames.length - 1;
        const name = trace.codes[frame.code].name;
        const title = `${name}${frame.state === "suspended" ? " (suspended generator)" : ""}, ${lineWords(frame.line)}`;
        card.append(element("h3", {}, title));
        if (isCurrent) card.setAttribute("aria-current", "step");
        const names = element("dl", { class: "stepper__names" });
        for (const [local, ref] of frame.locals) names.append(element("dt", {}, local), wrap("dd", pointer(ref)));
        if (!frame.locals.length) names.append(element("dt", {}, "no names yet"));
        const stack = element("ol", {
          class: "stepper__stack",
          reversed: "",
          "aria-label": `Value stack of ${name}, top first`,
        });
        for (const slot of [...frame.stack].reverse()) {
          const item = element("li");
          if (slot.null) item.append(element("span", { class: "stepper__null" }, "NULL"));
          else if (slot.ref !== undefined) {
            const chip = pointer(slot.ref);
            item.append(chip);
            // The source that made it, unless the value says as much.
            if (shortText(slot.ref) !== slot.expr) item.append(element("span", { class: "stepper__expr" }, slot.expr));
          } else
            item.append(
              element("span", { class: "stepper__unseen" }, slot.expr),
              element("span", { class: "stepper__tag" }, "not seen"),
            );
          stack.append(item);
        }
        card.append(
          element("p", { class: "stepper__label" }, "Names"),
          names,
          element("p", { class: "stepper__label" }, "Value stack (top first)"),
          frame.stack.length ? stack : element("p", { class: "stepper__empty" }, "empty"),
        );
        return card;
      }),
    );
    // Deep recursion: the frames between the module's and the innermost, counted.
    if (step.folded) {
      const { after, count, names } = step.folded;
      const note = element("p", { class: "stepper__folded" }, `… ${count} more frames (${names.join(", ")}) …`);
      frames.children[after + 1]?.after(note); // after the label, the suspended ones and the module's
    }
    objects.replaceChildren(
      element("p", { class: "stepper__label" }, "Objects"),
      ...[...views.values()]
        .filter(([label]) => !inPlace(label))
        .map(([label, kind, text, children, more]) => {
          const box = element("div", {
            class: "stepper__object",
            id: `stepper-object-${label}`,
            "data-object": String(label),
          });
          const shared = (counts.get(label) ?? 0) > 1 ? `, ${counts.get(label)} references to it` : "";
          box.append(element("p", { class: "stepper__object-title" }, `#${label} ${kind}${shared}`));
          if (children.length) {
            const held = element("dl", { class: "stepper__names" });
            for (const [key, ref] of children) held.append(element("dt", {}, key), wrap("dd", pointer(ref)));
            if (more) held.append(element("dt", {}, `and ${more} more`));
            box.append(held);
          } else box.append(element("code", {}, text));
          return box;
        }),
    );
    drawArrows();
  }

  /** @param {string} tag @param {HTMLElement} child */
  function wrap(tag, child) {
    const made = element(tag);
    made.append(child);
    return made;
  }

  // An arrow from each name or slot to the box of its object, over both columns.
  function drawArrows() {
    const origin = memory.getBoundingClientRect();
    arrows.setAttribute("width", String(memory.scrollWidth));
    arrows.setAttribute("height", String(memory.scrollHeight));
    const paths = [];
    for (const chip of memory.querySelectorAll(".stepper__frames [data-ref], .stepper__objects [data-ref]")) {
      const box = memory.querySelector(`[data-object="${chip.getAttribute("data-ref")}"]`);
      if (!box) continue;
      const from = chip.getBoundingClientRect();
      const to = box.getBoundingClientRect();
      const [x1, y1] = [from.right - origin.left, from.top + from.height / 2 - origin.top];
      const y2 = to.top + Math.min(14, to.height / 2) - origin.top;
      const path = document.createElementNS(SVG, "path");
      if (chip.closest(".stepper__objects")) {
        // From one object to another: out to the right-hand gutter and back into the box's right side.
        const [x2, gutter] = [to.right - origin.left, Math.max(from.right, to.right) - origin.left + 12];
        path.setAttribute("d", `M${x1},${y1} C${gutter},${y1} ${gutter},${y2} ${x2},${y2}`);
      } else {
        const x2 = to.left - origin.left;
        const bend = Math.max(24, Math.abs(x2 - x1) / 2);
        path.setAttribute("d", `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`);
      }
      paths.push(path);
    }
    arrows.replaceChildren(markerDefinition(), ...paths);
  }

  return {
    panel,
    /**
     * @param {import("./trace.js").Trace} recorded
     * @param {string} code the source it ran
     */
    show(recorded, code) {
      const keep = trace.steps.length ? at : 0; // a new run of edited code keeps the learner's place
      trace = recorded;
      drawnCode = -1;
      source.replaceChildren(
        ...code
          .replace(/\n$/, "")
          .split("\n")
          .map((line, index) => element("span", {}, `${String(index + 1).padStart(3)}  ${line}\n`)),
      );
      slider.max = String(Math.max(0, trace.steps.length - 1));
      panel.hidden = !trace.steps.length;
      if (trace.steps.length) go(Math.min(keep, trace.steps.length - 1));
    },
    hide() {
      panel.hidden = true;
      trace = { ...trace, steps: [] };
    },
  };
}

function markerDefinition() {
  const defs = document.createElementNS(SVG, "defs");
  const marker = document.createElementNS(SVG, "marker");
  for (const [name, value] of Object.entries({
    id: "stepper-head",
    viewBox: "0 0 8 8",
    refX: "7",
    refY: "4",
    markerWidth: "7",
    markerHeight: "7",
    orient: "auto",
  })) {
    marker.setAttribute(name, value);
  }
  const head = document.createElementNS(SVG, "path");
  head.setAttribute("d", "M0,0 L8,4 L0,8 z");
  marker.append(head);
  defs.append(marker);
  return defs;
}
