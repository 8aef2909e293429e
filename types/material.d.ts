// What Material for MkDocs gives the page's scripts as globals (its base.html
// and bundle), for the type check of the site's own scripts (tsconfig.json).

/** The site's root, as Material's base.html sets it before any script runs. */
declare var __md_scope: URL;

/** Material's storage, under keys scoped to the site: read a JSON value. */
declare var __md_get: (key: string, storage?: Storage, base?: URL) => unknown;

/** Material's storage, under keys scoped to the site: write a JSON value. */
declare function __md_set(key: string, value: unknown, storage?: Storage, base?: URL): void;

/** Each page load, instant navigation included (an RxJS subject that replays the current page). */
declare var document$: {
  subscribe(next: (document: Document) => void): unknown;
};

/** The site's own: shows every block's output of this build (theme/overrides/partials/python-pick.js). */
interface Window {
  __showPython(version: string): void;
}
