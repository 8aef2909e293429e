// The print page only: its contents (the print-site plugin copies them from
// the page's table of contents) name each nav section and then its first
// page, which carries the same title: a chapter and its overview page, a
// lesson and its page. One entry is kept, linked to the page, with the
// section's other pages under it.
// Runs after the plugin's own DOMContentLoaded listener, added in <head>.
document.addEventListener("DOMContentLoaded", () => {
  // Material makes the links absolute: "…/print_page/#section-2-3".
  const sections = document.querySelectorAll("#print-page-toc li:has(> a[href*='#section-'])");
  for (const section of sections) {
    const link = /** @type {HTMLAnchorElement} */ (section.querySelector(":scope > a"));
    const first = section.querySelector(":scope > nav > ul > li:first-child");
    const page = /** @type {HTMLAnchorElement | null | undefined} */ (first?.querySelector(":scope > a"));
    if (!first || !page || page.textContent?.trim() !== link.textContent?.trim()) continue;
    link.setAttribute("href", page.getAttribute("href") ?? "");
    first.replaceWith(...(first.querySelector(":scope > nav > ul")?.children ?? []));
  }
});
