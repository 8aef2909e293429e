// @ts-check
// Small fixes to what Material renders in the browser.

// Solutions sit in collapsed <details> blocks. The all-in-one page shows them
// open, and printing any page opens them first, so paper copies include them.
function openAllDetails() {
  for (const details of document.querySelectorAll("details")) details.open = true;
}
window.addEventListener("beforeprint", openAllDetails);
// document$ is Material's page-load event, instant navigation included.
document$.subscribe(() => {
  if (document.getElementById("print-site-page")) openAllDetails();
});

// Material wraps each code block's copy button in an unnamed <nav>. A copy
// button is not navigation: without the landmark role, screen readers do not
// list dozens of identical, unnamed navigation regions (axe: landmark-unique).
function unmarkCodeButtonNavs() {
  for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) nav.setAttribute("role", "presentation");
}
new MutationObserver(unmarkCodeButtonNavs).observe(document.body, { childList: true, subtree: true });

// Material puts each table in a scroll container, which on a phone scrolls
// sideways. A keyboard reader can only scroll what can take focus (axe:
// scrollable-region-focusable), so each container takes focus once set up.
document$.subscribe(() => {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    /** @type {HTMLElement} */ (wrap).tabIndex = 0;
  }
});

/** @param {string} hash "#some-id", perhaps %-escaped @returns {string} the id, or "" */
function sectionId(hash) {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return ""; // a mistyped %-escape
  }
}

// A chapter page keeps the address of a lesson that was split into short
// ones; a link to one of its old sections goes on to the lesson that has that
// section now (the map is written by hooks/lessons.py). Its links are relative
// to the chapter page: the print page, which holds the map too, is left alone.
function followMovedSection() {
  const map = document.getElementById("moved-sections");
  const id = sectionId(location.hash);
  if (!map || !id || document.getElementById(id) || document.getElementById("print-site-page")) return;
  const moved = JSON.parse(map.textContent || "{}");
  // Own keys only: "#constructor" is no section.
  if (Object.hasOwn(moved, id)) location.replace(new URL(moved[id], location.href));
}
document$.subscribe(followMovedSection);
window.addEventListener("hashchange", followMovedSection);

// A link to a section (from a syllabus, the table of contents or search) puts
// its heading at the top of the screen. Then blocks above it render or get
// their Run and Check controls, and grow or shrink: the browser keeps the
// heading in place only while the page is loading, and Material's first jump
// within a page fetches the page again and swaps it in. Both moved headings by
// up to 2,000 px on a phone. So the heading is held in place, each time the
// page's height changes, until the reader scrolls, taps or types (or for five
// seconds, so a reader dragging the scroll bar is never pulled back).
/** @type {string | null} the id of the heading held in place */
let heldSection = null;
let releaseHeld = 0;
const release = () => {
  heldSection = null;
};
/** @param {string} hash */
function holdSection(hash) {
  const id = sectionId(hash);
  heldSection = id && !document.getElementById(id)?.matches("input") ? id : null;
  clearTimeout(releaseHeld);
  releaseHeld = setTimeout(release, 5000);
}
new ResizeObserver(() => {
  if (heldSection) document.getElementById(heldSection)?.scrollIntoView();
}).observe(document.body);
for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) {
  window.addEventListener(type, release, { capture: true, passive: true });
}
holdSection(location.hash);
window.addEventListener("hashchange", () => holdSection(location.hash));
// A click on a link within the page holds its section (after pointerdown released the last one).
document.addEventListener("click", (event) => {
  const target = /** @type {Element} */ (event.target);
  const link = /** @type {HTMLAnchorElement | null | undefined} */ (target.closest?.("a[href*='#']"));
  const url = link && new URL(link.href);
  if (url?.origin === location.origin && url.pathname === location.pathname) holdSection(url.hash);
});
