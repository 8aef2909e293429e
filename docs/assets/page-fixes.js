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

// Material puts each table in a scroll container, which on a phone scrolls
// sideways. A keyboard reader can only scroll what can take focus (axe:
// scrollable-region-focusable), so each container takes focus once set up.
document$.subscribe(() => {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => { wrap.tabIndex = 0; });
});
