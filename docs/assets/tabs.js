// @ts-check
// Version tabs, without Material's tab component (theme/hooks/tab_sets.py says why
// it is kept away). The browser switches a tab by itself: each is a radio
// button with its label. This adds what Material's component gave readers:
// - a version picked in one set is picked in every set on the page, the set
//   stays where it was on screen, and the pick is kept for other pages, where
//   Material keeps it (read back by partials/restore-tabs.js);
// - where a set's labels scroll sideways (on a phone), the chosen one is in view;
// - a label's link (#__tabbed_2_3) goes to the address bar, for copying,
//   without the page jumping to it.

// Material's markup gives each tab's radio button its label.
const labelOf = (/** @type {HTMLInputElement} */ input) =>
  /** @type {HTMLLabelElement} */ (document.querySelector(`label[for="${input.id}"]`));
const versionOf = (/** @type {HTMLLabelElement} */ label) => label.textContent.trim();

// Reads positions only, all at once, and scrolling a row of labels does not
// lay the page out again: one layout at most, however many sets.
function showChosenLabels() {
  const chosen = /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll(".tabbed-set > input:checked"));
  for (const input of chosen) {
    const label = labelOf(input);
    const row = /** @type {HTMLElement} */ (label.parentElement); // .tabbed-labels, the labels' offsetParent
    const hidden =
      label.offsetLeft < row.scrollLeft || label.offsetLeft + label.offsetWidth > row.scrollLeft + row.clientWidth;
    if (hidden) row.scrollLeft = label.offsetLeft - 16;
  }
}

/** @param {string} version */
function pickEverywhere(version) {
  const labels = /** @type {NodeListOf<HTMLLabelElement>} */ (
    document.querySelectorAll(".tabbed-set > .tabbed-labels > label")
  );
  for (const label of labels) {
    if (versionOf(label) !== version) continue;
    /** @type {HTMLInputElement} */ (document.getElementById(label.htmlFor)).checked = true;
  }
}

document.addEventListener("change", (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  if (!input.matches(".tabbed-set > input")) return;
  const set = /** @type {HTMLElement} */ (input.parentElement);
  const top = set.getBoundingClientRect().top;
  const version = versionOf(labelOf(input));
  pickEverywhere(version); // sets above may grow or shrink: keep this one still
  window.scrollBy(0, set.getBoundingClientRect().top - top);
  const picked = __md_get("__tabs");
  __md_set("__tabs", [...new Set([version, ...(Array.isArray(picked) ? picked : [])])]);
  showChosenLabels();
});

// A label's link goes to the address bar; captured, before Material's instant
// navigation sees a link.
document.addEventListener(
  "click",
  (event) => {
    const target = /** @type {Element} */ (event.target);
    const link = /** @type {HTMLAnchorElement | null | undefined} */ (target.closest?.(".tabbed-labels > label > a"));
    if (!link || event.metaKey || event.ctrlKey) return; // a new tab gets the link
    event.preventDefault();
    history.replaceState(history.state, "", link.hash);
    link.parentElement?.click(); // the label picks its tab
  },
  { capture: true },
);

// Each page, instant navigation included; after a frame, when layout is done.
document$.subscribe(() => requestAnimationFrame(() => setTimeout(showChosenLabels)));
