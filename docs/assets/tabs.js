// Version tabs, without Material's tab component (hooks/tab_sets.py says why
// it is kept away). The browser switches a tab by itself: each is a radio
// button with its label. This adds what Material's component gave readers:
// - a version picked in one set is picked in every set on the page, the set
//   stays where it was on screen, and the pick is kept for other pages, where
//   Material keeps it (read back by partials/restore-tabs.js);
// - where a set's labels scroll sideways (on a phone), the chosen one is in view;
// - a label's link (#__tabbed_2_3) goes to the address bar, for copying,
//   without the page jumping to it.

const labelOf = (input) => document.querySelector(`label[for="${input.id}"]`);

// Reads positions only, all at once, and scrolling a row of labels does not
// lay the page out again: one layout at most, however many sets.
function showChosenLabels() {
  for (const input of document.querySelectorAll(".tabbed-set > input:checked")) {
    const label = labelOf(input);
    const row = label.parentElement;  // .tabbed-labels, the labels' offsetParent
    const hidden = label.offsetLeft < row.scrollLeft
      || label.offsetLeft + label.offsetWidth > row.scrollLeft + row.clientWidth;
    if (hidden) row.scrollLeft = label.offsetLeft - 16;
  }
}

function pickEverywhere(version) {
  for (const label of document.querySelectorAll(".tabbed-set > .tabbed-labels > label")) {
    if (label.textContent.trim() === version) document.getElementById(label.htmlFor).checked = true;
  }
}

document.addEventListener("change", (event) => {
  const input = event.target;
  if (!input.matches(".tabbed-set > input")) return;
  const set = input.parentElement;
  const top = set.getBoundingClientRect().top;
  const version = labelOf(input).textContent.trim();
  pickEverywhere(version);  // sets above may grow or shrink: keep this one still
  window.scrollBy(0, set.getBoundingClientRect().top - top);
  __md_set("__tabs", [...new Set([version, ...(__md_get("__tabs") || [])])]);
  showChosenLabels();
});

document.addEventListener("click", (event) => {
  const link = event.target.closest?.(".tabbed-labels > label > a");
  if (!link || event.metaKey || event.ctrlKey) return;  // a new tab gets the link
  event.preventDefault();
  history.replaceState(history.state, "", link.hash);
  link.parentElement.click();  // the label picks its tab
}, { capture: true });  // before Material's instant navigation sees a link

// Each page, instant navigation included; after a frame, when layout is done.
document$.subscribe(() => requestAnimationFrame(() => setTimeout(showChosenLabels)));
