// @ts-check
// The reader picks once which build's outputs every page shows (the form in
// each lesson's builds box, course/builds.py). The pick is kept where Material
// keeps its settings and applied by window.__showPython
// (theme/overrides/partials/python-pick.js), which also applies it as the
// next page starts.

/** The build the page shows without a pick: the one its form marks default. */
const defaultOf = (/** @type {HTMLFormElement} */ form) =>
  /** @type {HTMLInputElement | null} */ (form.querySelector("input[checked]"))?.value;

// Each box's form marks the pick, and its one-line summary names the build
// the outputs show, so a pick made long ago is seen before any output.
function showPickInForms() {
  const pick = __md_get("__python");
  for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll("form.python-pick"))) {
    const version = typeof pick === "string" ? pick : defaultOf(form);
    const input = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[value="${version}"]`));
    if (!input) continue;
    input.checked = true;
    const shown = form.closest("details")?.querySelector(".builds__shown");
    const release = input.parentElement?.textContent?.split(" · ")[0].trim(); // "3.13.0 · 64-bit Linux"
    if (shown && release) shown.textContent = release;
  }
}

document.addEventListener("change", (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  if (!input.matches("form.python-pick input")) return;
  __md_set("__python", input.value);
  window.__showPython(input.value);
  showPickInForms(); // the same pick in any other box on the page
});

// Each page, instant navigation included.
document$.subscribe(showPickInForms);
