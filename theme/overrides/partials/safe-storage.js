// Material reads each saved setting with JSON.parse and no guard: a value that
// does not parse (edited by hand, or written by another script on this origin)
// threw, and the colour toggle and the version tabs were gone for good. So did
// storage the browser blocks. Either now reads as nothing saved. Every reader
// of __md_get, Material's bundle included, calls it through this global.
(() => {
  const read = __md_get;
  __md_get = (key, storage, base) => {
    try {
      return read(key, storage, base);
    } catch {
      return null;
    }
  };
})();
