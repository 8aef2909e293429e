// @ts-check
// How many lines each code block takes at this screen's width. A block whose
// long lines wrap (theme/hooks/code_rendering.py, site.css) takes more lines
// than it has on a narrow screen, and off screen it is not laid out: its
// height is reserved from --lines, so that count must be of the lines it
// takes here. site.css wraps at any character, continuing under the line's
// indentation plus four columns, so the count is the same arithmetic.

/** @type {Map<string, number>} a monospace font's advance, per pixel of size */
const advance = new Map();
const context = document.createElement("canvas").getContext("2d");

/** @param {CSSStyleDeclaration} style @returns {number} one character's width, in px */
function characterWidth(style) {
  let perPixel = advance.get(style.fontFamily);
  if (perPixel === undefined && context) {
    context.font = `100px ${style.fontFamily}`;
    perPixel = context.measureText("0").width / 100;
    advance.set(style.fontFamily, perPixel);
  }
  return (perPixel ?? 0.6) * Number.parseFloat(style.fontSize);
}

/**
 * @param {string} text the line
 * @param {number} columns characters across the block
 * @param {number} hang where continuations start
 */
function linesTaken(text, columns, hang) {
  const room = Math.max(1, columns - hang);
  let lines = 1;
  let end = columns; // where the current line ends
  for (;;) {
    while (text[end] === " ") end += 1; // spaces at a line's end hang past it (pre-wrap)
    if (end >= text.length) return lines;
    lines += 1;
    end += room;
  }
}

function countCodeLines() {
  const blocks = [...document.querySelectorAll("pre > code[data-wraps]")].map((code) => {
    const style = getComputedStyle(code);
    const inside = code.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    // A hair under a whole character still holds it (sub-pixel widths).
    return { code, columns: Math.max(1, Math.floor(inside / characterWidth(style) + 0.01)) };
  });
  // Every width read first, then every count written: one layout, not one per block.
  for (const { code, columns } of blocks) {
    let lines = (code.textContent ?? "").replace(/\n$/, "").split("\n").length;
    for (const wrap of code.querySelectorAll(".wrap")) {
      const hang = Number(/** @type {HTMLElement} */ (wrap).style.getPropertyValue("--indent")) + 4;
      lines += linesTaken(wrap.textContent ?? "", columns, hang) - 1;
    }
    /** @type {HTMLElement} */ (code).style.setProperty("--lines", String(lines));
  }
}

document$.subscribe(countCodeLines); // Material's page load, instant navigation included
let lastWidth = innerWidth;
window.addEventListener("resize", () => {
  if (innerWidth === lastWidth) return; // a phone's toolbar showing or hiding changes the height only
  lastWidth = innerWidth;
  countCodeLines();
});
