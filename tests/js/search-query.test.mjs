// How the search worker reads a student's query before Material's lunr runs it
// (docs/assets/search-query.js). tests/browser/test_search.py types the
// queries of search_queries.csv into the real page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

// The worker's script, run without importScripts: its functions, not Material's.
const context = vm.createContext({});
vm.runInContext(readFileSync(new URL("../../docs/assets/search-query.js", import.meta.url), "utf8"), context);
const { queryWords, indexWords, withoutFalseMisses } = context;
const SEPARATOR = /[\s\-,:;!=[\]()"`/{}<>|]+|_{2,}|\.(?!\d)/g;
const WORDS = indexWords(
  [
    { location: "a/", title: "The GIL", text: "<p>identity and equality vs copies; a copy of a list, lists</p>" },
    {
      location: "b/",
      title: "Interned strings",
      text: "an int, ints, an interval; a listing; intern garbage collection",
    },
    { location: "c/", title: "Measuring memory", text: "we measure and free memory, freeze it" },
  ],
  SEPARATOR,
);
const read = (query) => queryWords(query, WORDS, SEPARATOR).join(" ");

test("the index's words are read from its titles and texts, without markup", () => {
  assert.ok(WORDS.has("gil") && WORDS.has("interned") && WORDS.has("identity"));
  assert.ok(!WORDS.has("<p>") && !WORDS.has("p"));
});

test("a question keeps its topic, not its question and filler words", () => {
  assert.equal(read("what is the GIL"), "gil^1");
  assert.equal(read("how do I measure memory"), "measure measuring^1 memory");
});

test("== and != mean equality, and is beside them identity", () => {
  assert.equal(read("is vs =="), "identity vs^1 equality");
});

test("a short word is looked up whole: int is not interval, list not listing", () => {
  assert.equal(read("int"), "int^1 ints^1");
  assert.equal(read("list"), "list^1 lists^1");
  assert.equal(read("free"), "free^1");
  assert.equal(read("copy"), "copy^1 copies^1");
});

test("a longer word stays a prefix, and adds the forms a prefix misses", () => {
  assert.equal(read("garbage"), "garbage");
  assert.equal(read("measure"), "measure measuring^1");
});

test("a word the index lacks is found by its forms, as a prefix, or with a letter or two wrong", () => {
  assert.equal(read("interning"), "intern^1 interned^1");
  assert.equal(read("garb"), "garb");
  assert.equal(read("garbge"), "garbge~1");
  assert.equal(read("colection"), "colection~2");
});

test("a query in lunr's own syntax passes as it is", () => {
  for (const query of ['"free threading"', "+gil -jython", "title:gil", "gil~1", "gil^2"]) {
    assert.equal(read(query), query);
  }
});

test("a result is not said to miss a word it found in another form, or with letters wrong", () => {
  const result = (terms) => ({ type: 3, data: { items: [[{ location: "a/", terms }]] } });
  const interning = withoutFalseMisses(result({ intern: false, interned: true }), ["intern^1 interned^1"]);
  assert.deepEqual({ ...interning.data.items[0][0].terms }, { interned: true });
  const typo = withoutFalseMisses(result({ garbge: false, collection: true }), ["garbge~1", "collection"]);
  assert.deepEqual({ ...typo.data.items[0][0].terms }, { collection: true });
  const missing = withoutFalseMisses(result({ gil: true, lock: false }), ["gil^1", "lock^1 locks^1"]);
  assert.deepEqual({ ...missing.data.items[0][0].terms }, { gil: true, lock: false });
});
