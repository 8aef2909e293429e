// Solutions sit in collapsed <details> blocks. The all-in-one page shows them
// open, and printing any page opens them first, so paper copies include them.
function openAllDetails() {
  document.querySelectorAll("details").forEach((details) => { details.open = true; });
}
window.addEventListener("beforeprint", openAllDetails);
document$.subscribe(() => {  // Material's page-load event, instant navigation included
  if (document.getElementById("print-site-page")) openAllDetails();
});
