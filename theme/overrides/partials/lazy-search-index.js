// Material fetches the whole search index as soon as any page loads, though
// most readers never search. This holds that one request back until the reader
// turns to search: focus or a click on the search box, or one of Material's
// search shortcuts (/, s, f). It saves about 23 KB (gzip) on every page view.
(() => {
  let release;
  const wanted = new Promise((resolve) => { release = resolve; });

  document.addEventListener("focusin", (event) => {
    if (event.target.matches("[data-md-component=search-query]")) release();
  });
  document.addEventListener("click", (event) => {
    if (event.target.closest("label[for=__search], [data-md-component=search]")) release();
  });
  document.addEventListener("keydown", (event) => {
    if (["/", "s", "f"].includes(event.key)) release();
  });

  // Material requests the index with XMLHttpRequest: delay that send() only.
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.waitForSearch = String(url).endsWith("/search/search_index.json");
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.waitForSearch) return send.apply(this, body);
    wanted.then(() => send.apply(this, body));
  };
})();
