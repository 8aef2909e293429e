// Every tab set shows the version the reader picked last, on any page.
// Material keeps the picks, newest first, under "__tabs" in its storage.
(() => {
  const picks = __md_get("__tabs");
  if (!Array.isArray(picks)) return;
  for (const set of document.querySelectorAll(".tabbed-set")) {
    const labels = /** @type {HTMLLabelElement[]} */ ([...set.querySelectorAll(":scope > .tabbed-labels > label")]);
    for (const pick of picks) {
      const label = labels.find((each) => each.textContent.trim() === pick);
      if (label) {
        /** @type {HTMLInputElement} */ (document.getElementById(label.htmlFor)).checked = true;
        break;
      }
    }
  }
})();
