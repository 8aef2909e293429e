// @ts-check
// Site search: Material's own search worker (lunr), with each query first read
// as a student types it. Material adds a trailing * to every word, so a typo
// finds nothing, "interning" misses "interned", "what is the GIL" matches
// "What's", and "list" ranks "listing" as high as "list". Here, before
// Material sees a query:
// - a question ("what is the GIL", "how does python import a module") loses
//   its question and filler words, which every page has;
// - `==` and `!=` mean equality, and `is` beside them identity;
// - a word the index has is also looked up whole, so its exact match ranks
//   above longer words it begins ("list" over "listing");
// - a word the index lacks is looked up by its stem ("interning" as intern*)
//   and, failing that, with one or two letters wrong ("garbge" as garbage).
// Queries written in lunr's own syntax (+, -, quotes, ~, ^, field:) pass as
// they are. main.html points Material at this file (theme/PATCHES.md,
// search-query), which loads Material's worker when search is first used.
/** @typedef {{ location: string, title: string, text: string }} Doc */

// Material 9.8.2's worker, next to assets/ (theme/PATCHES.md, search-query).
const MATERIAL_WORKER = "javascripts/workers/search.a7633da7.min.js";
const SETUP = 0;
const QUERY = 2;
const RESULT = 3;
const QUESTION = new Set(["what", "why", "how", "when", "where", "which", "who", "does", "do", "is", "are", "can"]);
// Words a student's question carries that say nothing about the topic.
// biome-ignore format: a word list reads better filled
const FILLER = new Set([
  "a", "an", "the", "is", "are", "was", "be", "do", "does", "did", "can", "i", "my", "me", "it", "its",
  "of", "in", "on", "to", "for", "and", "or", "what", "why", "how", "when", "where", "which", "who",
  "python", "python's", "work", "works", "use", "used", "using", "mean", "means", "happen", "happens",
  "get", "there", "this", "that", "with", "about",
]);
const LUNR_SYNTAX = /["+\-~^*:]/;

/**
 * The query Material's lunr should run for `typed`, given the index's words:
 * a string of lunr words for each word typed (or the whole query, when it is
 * written in lunr's syntax), to be joined with spaces.
 * @param {string} typed
 * @param {Set<string>} words every word of the index, lower case
 * @param {RegExp} separator the index's word separator
 */
function queryWords(typed, words, separator) {
  if (LUNR_SYNTAX.test(typed.replace(/[=!]=/g, ""))) return [typed];
  let text = typed.toLowerCase();
  const comparing = /[=!]=/.test(text);
  text = text.replace(/[=!]=/g, " equality ");
  let terms = text.split(separator).filter(Boolean);
  if (comparing) terms = terms.map((term) => (term === "is" ? "identity" : term));
  if (QUESTION.has(terms[0])) {
    const content = terms.filter((term) => !FILLER.has(term));
    if (content.length) terms = content;
  }
  return terms.map((term) => clause(term, words));
}

/**
 * What lunr should look up for one query word.
 * - A word of five letters or more that the index has: as Material does, as
 *   a prefix, plus the forms a prefix misses ("copying": copies; "measure":
 *   measuring; "interning": interned).
 * - A shorter one: itself and its plural, whole, so "int" does not find
 *   "interval" nor "list" "listing" ("copy": copies).
 * - One the index lacks: its forms the index has ("garbages": garbage); else,
 *   if it begins a word of the index, that prefix (a word still being typed);
 *   else one or two letters may be wrong ("garbge": garbage).
 * @param {string} term
 * @param {Set<string>} words
 */
function clause(term, words) {
  const whole = (/** @type {string[]} */ forms) =>
    [...new Set(forms)].filter((form) => words.has(form)).map((form) => `${form}^1`);
  if (words.has(term) && term.length > 4) {
    const missed = /(ing|y|e)$/.test(term)
      ? inflections(term).filter((form) => !form.startsWith(term) && !term.startsWith(form))
      : [];
    return [term, ...whole(missed)].join(" ");
  }
  if (words.has(term)) return whole([term, `${term}s`, `${term}es`, term.replace(/y$/, "ies")]).join(" ");
  const found = whole(inflections(term));
  if (found.length) return found.join(" ");
  if ([...words].some((word) => word.startsWith(term))) return term;
  return `${term}~${term.length > 6 ? 2 : 1}`;
}

/**
 * A word's regular inflections, and its base's: plural, past, -ing.
 * @param {string} term
 */
function inflections(term) {
  const bases = [term];
  for (const suffix of ["ing", "ed", "es", "s"]) {
    const base = term.slice(0, -suffix.length);
    if (term.endsWith(suffix) && base.length >= 3) bases.push(base, `${base}e`);
  }
  if (/ie[sd]$/.test(term)) bases.push(`${term.slice(0, -3)}y`);
  const found = new Set();
  for (const base of bases) {
    for (const ending of ["", "s", "es", "ed", "d", "ing"]) found.add(base + ending);
    if (base.endsWith("y")) for (const ending of ["ies", "ied"]) found.add(base.slice(0, -1) + ending);
    if (base.endsWith("e")) found.add(`${base.slice(0, -1)}ing`);
  }
  return [...found];
}

/**
 * Every word of the index's titles and texts.
 * @param {Doc[]} docs
 * @param {RegExp} separator
 */
function indexWords(docs, separator) {
  const words = new Set();
  for (const doc of docs) {
    for (const word of `${doc.title} ${doc.text.replace(/<[^>]+>/g, " ")}`.toLowerCase().split(separator)) {
      if (word) words.add(word);
    }
  }
  return words;
}

/**
 * A result as Material shows it, without "Missing: garbge" when lunr found
 * "garbage" for it. Material marks each lunr word a result lacks; a typed word
 * read as several (its forms) is missing only if the result has none of them,
 * and one read with letters wrong cannot be told apart, so it never is.
 * @param {any} message
 * @param {string[]} read the lunr words of each word typed (queryWords)
 */
function withoutFalseMisses(message, read) {
  const groups = read.map((each) => each.split(" ").map((word) => word.replace(/[~^]\d+$/, "")));
  const fuzzy = new Set(read.filter((each) => /^\S+~\d+$/.test(each)).map((each) => each.replace(/~\d+$/, "")));
  for (const group of message.data?.items ?? []) {
    for (const doc of group) {
      const terms = doc.terms ?? {};
      for (const words of groups) {
        if (words.length > 1 && words.some((word) => terms[word]))
          for (const word of words) if (!terms[word]) delete terms[word];
      }
      for (const word of fuzzy) if (!terms[word]) delete terms[word];
    }
  }
  return message;
}

if (typeof importScripts === "function") {
  /** @type {Set<string>} */
  let words = new Set();
  let separator = /[\s-]+/;
  /** @type {string[]} */
  let read = [];
  /** @type {((event: { data: any }) => void) | null} */
  let material = null;
  const post = self.postMessage.bind(self);
  // Material's worker answers with the global postMessage.
  self.postMessage = /** @type {typeof self.postMessage} */ (
    (/** @type {any} */ message) => post(message?.type === RESULT ? withoutFalseMisses(message, read) : message)
  );
  // Material's worker is loaded with the first message, its setup, which comes
  // once the reader turns to search: a page that is only read never fetches it.
  const loadMaterial = () => {
    const listen = self.addEventListener;
    self.addEventListener = /** @type {any} */ (
      (/** @type {string} */ type, /** @type {any} */ listener) => {
        if (type === "message") material = listener;
      }
    );
    importScripts(MATERIAL_WORKER);
    self.addEventListener = listen;
  };
  self.addEventListener("message", (event) => {
    const message = event.data;
    if (!material) loadMaterial();
    if (message?.type === SETUP) {
      separator = new RegExp(message.data.config.separator, "g");
      words = indexWords(message.data.docs, separator);
    }
    if (message?.type === QUERY && typeof message.data === "string") {
      read = queryWords(message.data, words, separator);
      return material?.({ data: { ...message, data: read.join(" ") } });
    }
    return material?.(event);
  });
}
