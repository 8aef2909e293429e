// Material fetches the whole search index as soon as any page loads, though
// most readers never search. This holds that one request back until the reader
// turns to search: focus or a click on the search box, or one of Material's
// search shortcuts (/, s, f). It saves about 23 KB (gzip) on every page view.
(() => {
  let release = () => {};
  /** @type {Promise<void>} */
  const wanted = new Promise((resolve) => {
    release = resolve;
  });
  const target = (/** @type {Event} */ event) => /** @type {Element} */ (event.target);

  document.addEventListener("focusin", (event) => {
    if (target(event).matches("[data-md-component=search-query]")) release();
  });
  document.addEventListener("click", (event) => {
    if (target(event).closest("label[for=__search], [data-md-component=search]")) release();
  });
  document.addEventListener("keydown", (event) => {
    if (["/", "s", "f"].includes(event.key)) release();
  });

  // Material requests the index with XMLHttpRequest: delay that send() only.
  // (Omitted arguments of open() and send() mean what these defaults say.)
  const forIndex = new WeakSet();
  const { open, send } = XMLHttpRequest.prototype;
  /**
   * @param {string} method
   * @param {string | URL} url
   * @param {string | null} [username]
   * @param {string | null} [password]
   */
  XMLHttpRequest.prototype.open = function (method, url, async = true, username = null, password = null) {
    if (String(url).endsWith("/search/search_index.json")) forIndex.add(this);
    else forIndex.delete(this);
    open.call(this, method, url, async, username, password);
  };
  XMLHttpRequest.prototype.send = function (body = null) {
    if (forIndex.has(this)) wanted.then(() => send.call(this, body));
    else send.call(this, body);
  };
})();
