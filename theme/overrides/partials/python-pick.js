// The reader's pick of build (docs/assets/python-pick.js saves it under
// "__python") decides which output every block shows. Applied here, before
// the body exists, so a page never shows one build and then another.
// Without a pick, each block shows the output course/markdown.py marked.
window.__showPython = (/** @type {string} */ version) => {
  const picked = `.output[data-builds~="${version}"]`;
  const style = document.getElementById("python-pick") ?? document.head.appendChild(document.createElement("style"));
  style.id = "python-pick";
  style.textContent =
    ".md-typeset .outputs > .output { display: none; order: 2 }" +
    `.md-typeset .outputs > ${picked}, .md-typeset .outputs:not(:has(> ${picked})) > .output--shown` +
    " { display: block; order: 0 }";
};
(() => {
  const pick = __md_get("__python");
  if (typeof pick === "string" && /^\d+\.\d+$/.test(pick)) window.__showPython(pick);
})();
