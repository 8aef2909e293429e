// Small fixes to what Material renders in the browser.

// Solutions sit in collapsed <details> blocks. The all-in-one page shows them
// open, and printing any page opens them first, so paper copies include them.
function openAllDetails() {
  document.querySelectorAll("details").forEach((details) => { details.open = true; });
}
window.addEventListener("beforeprint", openAllDetails);
document$.subscribe(() => {  // Material's page-load event, instant navigation included
  if (document.getElementById("print-site-page")) openAllDetails();
});

// Material wraps each code block's copy button in an unnamed <nav>. A copy
// button is not navigation: without the landmark role, screen readers do not
// list dozens of identical, unnamed navigation regions (axe: landmark-unique).
function unmarkCodeButtonNavs() {
  document.querySelectorAll("nav.md-code__nav:not([role])")
    .forEach((nav) => nav.setAttribute("role", "presentation"));
}
new MutationObserver(unmarkCodeButtonNavs).observe(document.body, { childList: true, subtree: true });

// Picking a version in one tab set picks it in every set on the page.
// Material does this by each label's rendered text, which is empty for a set
// that offscreen.css has not rendered yet; this finishes the job by plain
// text. It runs after Material's own handler (the event bubbles up to here),
// and marks each set it switches the way Material does, so that Material
// takes the change as a follower's, not as a new pick to spread again.
document.addEventListener("change", (event) => {
  const picked = event.target.closest(".tabbed-set > input");
  if (!picked) return;
  const name = document.querySelector(`label[for="${picked.id}"]`).textContent.trim();
  for (const label of document.querySelectorAll(".tabbed-set > .tabbed-labels > label")) {
    const input = document.getElementById(label.htmlFor);
    if (input.checked || label.textContent.trim() !== name) continue;
    label.setAttribute("data-md-switching", "");
    input.checked = true;
    input.dispatchEvent(new Event("change"));
  }
});
