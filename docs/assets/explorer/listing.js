// @ts-check
// What the bytecode explorer computes without a page: the address that holds
// a learner's code and builds, and which instructions of two listings differ.
// explorer.src.js draws the page with these; tests/js/explorer.test.mjs runs
// them under node --test.

import { diffArrays } from "diff";

export const SERIES = ["3.11", "3.12", "3.13", "3.14", "3.15"];

/**
 * @typedef {object} Shown what an explorer address holds
 * @property {string} code the learner's source
 * @property {string[]} builds the series shown, in the order given
 * @property {string[]} compare the two series whose differences are marked (or none)
 * @property {boolean} adaptive the specialised instructions, after the code has run
 * @property {string} step the series the stepper runs the code on, or "" (the stepper closed)
 */

/** @param {string} text @returns {string} UTF-8, then base64url without padding */
export function encodeCode(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** @param {string} encoded base64url, padded or not @returns {string} */
export function decodeCode(encoded) {
  const base64 = encoded.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * The address's fragment, read: `#code=<base64url>&builds=3.11,3.13`, and
 * optionally `&compare=3.13,3.14`, `&adaptive=1` and `&step=3.14` (the
 * stepper open on that series). Series the
 * site does not know are dropped; a code that does not decode is an error.
 * @param {string} hash location.hash
 * @param {Shown} fallback what to show for what the fragment leaves out
 * @returns {Shown}
 */
export function readFragment(hash, fallback) {
  const fields = new URLSearchParams(hash.replace(/^#/, ""));
  const series = (/** @type {string} */ name) =>
    (fields.get(name) ?? "")
      .split(",")
      .filter((each) => SERIES.includes(each))
      .filter((each, index, all) => all.indexOf(each) === index);
  const code = fields.get("code");
  const builds = fields.has("builds") ? series("builds") : fallback.builds;
  const compare = fields.has("compare") ? series("compare").slice(0, 2) : fallback.compare;
  return {
    code: code === null ? fallback.code : decodeCode(code),
    builds: builds.length ? builds : fallback.builds,
    compare: compare.length === 2 ? compare : fallback.compare,
    adaptive: fields.has("adaptive") ? fields.get("adaptive") === "1" : fallback.adaptive,
    step: SERIES.includes(fields.get("step") ?? "") ? /** @type {string} */ (fields.get("step")) : fallback.step,
  };
}

/** @param {Shown} shown @returns {string} the fragment that holds it, with its "#" */
export function writeFragment(shown) {
  let hash = `#code=${encodeCode(shown.code)}&builds=${shown.builds.join(",")}`;
  if (shown.compare.length === 2) hash += `&compare=${shown.compare.join(",")}`;
  if (shown.adaptive) hash += "&adaptive=1";
  if (shown.step) hash += `&step=${shown.step}`;
  return hash;
}

// An instruction line of `dis`: its line number, jump target mark and offset
// are optional (3.13 prints no offsets by default), then the name in capitals.
const INSTRUCTION = /^\s*(?:\d+\s+)?(?:>>\s+)?(?:\d+\s+)?([A-Z][A-Z0-9_]+)\b(.*)$/;
const ADDRESS = /0x[0-9a-f]+/g;

/**
 * What an instruction line compares by: its name and what its argument
 * means, as `dis` shows it in brackets (not the argument's index, nor the
 * offset, which shift with everything before them). A code object's heading
 * compares whole, without its address. Blank lines compare as nothing.
 * @param {string} line
 * @returns {string | null}
 */
export function instructionKey(line) {
  const instruction = line.match(INSTRUCTION);
  if (instruction) {
    const meaning = instruction[2].match(/\((.*)\)\s*$/)?.[1] ?? "";
    return `${instruction[1]} ${meaning.replace(ADDRESS, "0x")}`.trim();
  }
  return line.trim() ? line.trim().replace(ADDRESS, "0x") : null;
}

/** @param {string} line @returns {string | null} the instruction's name, if the line is an instruction */
export function instructionName(line) {
  return line.match(INSTRUCTION)?.[1] ?? null;
}

/**
 * Which lines of two listings hold instructions the other does not have, in
 * the order both run (the longest common run of instructions is unmarked).
 * @param {string} first
 * @param {string} second
 * @returns {[Set<number>, Set<number>]} the line numbers (from 0) that differ, in each
 */
export function differingLines(first, second) {
  const keyed = (/** @type {string} */ text) =>
    text.split("\n").flatMap((line, index) => {
      const key = instructionKey(line);
      return key === null ? [] : [{ key, index }];
    });
  const [a, b] = [keyed(first), keyed(second)];
  const marked = /** @type {[Set<number>, Set<number>]} */ ([new Set(), new Set()]);
  let [i, j] = [0, 0];
  for (const part of diffArrays(
    a.map((each) => each.key),
    b.map((each) => each.key),
  )) {
    const count = part.value.length;
    if (part.removed) for (const each of a.slice(i, i + count)) marked[0].add(each.index);
    if (part.added) for (const each of b.slice(j, j + count)) marked[1].add(each.index);
    if (!part.added) i += count;
    if (!part.removed) j += count;
  }
  return marked;
}
