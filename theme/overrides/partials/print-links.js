// The print page only: each link to another site is marked, so that paper
// prints its address after it (print.css). Material makes every link's href
// absolute, so only its origin tells another site's links from this one's.
document.addEventListener("DOMContentLoaded", () => {
  const links = /** @type {NodeListOf<HTMLAnchorElement>} */ (
    document.querySelectorAll("#print-site-page section.print-page a[href]")
  );
  for (const link of links) {
    if (new URL(link.href).origin !== location.origin) link.classList.add("link-elsewhere");
  }
});
