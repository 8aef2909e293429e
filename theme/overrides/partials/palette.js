(() => {
  const body = document.body;
  const inputs = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll("input[name=__palette]")]);
  const colorsOf = (/** @type {HTMLInputElement} */ input) => ({
    media: input.dataset.mdColorMedia,
    scheme: input.dataset.mdColorScheme,
    primary: input.dataset.mdColorPrimary,
    accent: input.dataset.mdColorAccent,
  });
  const media = (/** @type {HTMLInputElement} */ input) => matchMedia(input.dataset.mdColorMedia ?? "");
  const system = (/** @type {HTMLInputElement} */ input) => media(input).matches;
  const matching = () => Math.max(0, inputs.findIndex(system));
  const meta = (/** @type {string} */ name) =>
    /** @type {HTMLMetaElement} */ (document.head.querySelector(`meta[name="${name}"]`)) ||
    document.head.appendChild(Object.assign(document.createElement("meta"), { name }));

  /** @param {number} index */
  function apply(index) {
    for (const [key, value] of Object.entries(colorsOf(inputs[index]))) {
      body.setAttribute(`data-md-color-${key}`, value ?? "");
    }
    inputs.forEach((input, each) => {
      /** @type {HTMLElement} */ (input.nextElementSibling).hidden = each !== index;
    });
    // Tab then lands on this option: its name says what the toggle will do.
    inputs[index].checked = true;
    // The browser's own scroll bars and controls, and a phone's address bar.
    const style = getComputedStyle(body);
    meta("color-scheme").content = style.colorScheme;
    meta("theme-color").content = style.getPropertyValue("--md-primary-fg-color").trim();
  }

  /** @param {number} index */
  function pick(index) {
    body.setAttribute("data-md-color-switching", ""); // Material's CSS: no transitions
    apply(index);
    __md_set("__palette", { index, color: colorsOf(inputs[index]) });
    setTimeout(() => body.removeAttribute("data-md-color-switching"));
  }

  // What was saved is used only if it names one of the options.
  const saved = __md_get("__palette");
  const index = saved && typeof saved === "object" && "index" in saved ? saved.index : null;
  apply(Number.isInteger(index) && inputs[Number(index)] ? Number(index) : matching());

  const form = /** @type {HTMLFormElement} */ (inputs[0].form);
  form.addEventListener("change", (event) => pick(inputs.indexOf(/** @type {HTMLInputElement} */ (event.target))));
  // A toggle: Enter and Space switch.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    const next = inputs[(inputs.findIndex((input) => input.checked) + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // Until the reader picks a palette, the page follows the system's.
  inputs.forEach((input, index) => {
    media(input).addEventListener("change", (query) => {
      if (query.matches && !__md_get("__palette")) apply(index);
    });
  });
})();
