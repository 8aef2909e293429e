// What the bytecode explorer computes without a page (docs/assets/explorer/listing.js):
// the address that holds the code and builds, and which lines of two listings
// differ. tests/browser/test_explorer.py uses the real page.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  decodeCode,
  differingLines,
  encodeCode,
  instructionKey,
  readFragment,
  writeFragment,
} from "../../docs/assets/explorer/listing.js";

const FALLBACK = { code: "pass\n", builds: ["3.14"], compare: ["3.13", "3.14"], adaptive: false, step: "" };

test("code travels as base64url of its UTF-8, without padding, and comes back whole", () => {
  const code = "π = 3.14  # ünïcode, and + / = in base64\nprint(π)\n";
  const encoded = encodeCode(code);
  assert.match(encoded, /^[A-Za-z0-9_-]+$/);
  assert.equal(decodeCode(encoded), code);
  assert.equal(encodeCode("a"), "YQ"); // "YQ==" in plain base64
  assert.equal(decodeCode("YQ=="), "a"); // padding, if a link has it, is read too
});

test("a fragment gives the code and the builds in its order; what it leaves out comes from the fallback", () => {
  const hash = `#code=${encodeCode("x = 1\n")}&builds=3.15,3.11,3.15,2.7`;
  assert.deepEqual(readFragment(hash, FALLBACK), {
    code: "x = 1\n",
    builds: ["3.15", "3.11"], // repeated and unknown series dropped
    compare: ["3.13", "3.14"],
    adaptive: false,
    step: "",
  });
  assert.deepEqual(readFragment("", FALLBACK), FALLBACK);
  assert.deepEqual(readFragment("#builds=", FALLBACK).builds, ["3.14"]); // none left: the fallback's
});

test("writing a fragment and reading it back gives what was shown", () => {
  const shown = {
    code: "for i in range(3):\n    print(i)\n",
    builds: ["3.11", "3.13"],
    compare: ["3.11", "3.13"],
    adaptive: true,
    step: "3.12",
  };
  const hash = writeFragment(shown);
  assert.match(hash, /^#code=[A-Za-z0-9_-]+&builds=3\.11,3\.13&compare=3\.11,3\.13&adaptive=1&step=3\.12$/);
  assert.deepEqual(readFragment(hash, FALLBACK), shown);
});

test("a fragment whose code is not UTF-8 is an error, not garbled code", () => {
  assert.throws(() => readFragment("#code=_w", FALLBACK)); // the single byte 0xff
});

test("instructions compare by name and meaning, not by offset, line or argument number", () => {
  const on312 = "  2           2 LOAD_FAST                0 (a)";
  const on313 = "              LOAD_FAST                1 (a)";
  assert.equal(instructionKey(on312), "LOAD_FAST a");
  assert.equal(instructionKey(on313), instructionKey(on312));
  assert.equal(instructionKey("     >>   60 PUSH_NULL"), "PUSH_NULL");
  assert.equal(
    instructionKey('Disassembly of <code object f at 0x7f00ab, file "<explorer>", line 1>:'),
    instructionKey('Disassembly of <code object f at 0x1160, file "<explorer>", line 1>:'),
  );
  assert.equal(instructionKey("   "), null);
});

test("the lines marked are those one listing has and the other does not", () => {
  const first = [
    "  1           0 RESUME                   0",
    "",
    "  2           2 LOAD_FAST                0 (a)",
    "              4 LOAD_FAST                1 (b)",
    "              6 BINARY_OP                0 (+)",
    "             10 RETURN_VALUE",
  ].join("\n");
  const second = [
    "  1           RESUME                   0",
    "",
    "  2           LOAD_FAST_LOAD_FAST      1 (a, b)",
    "              BINARY_OP                0 (+)",
    "              RETURN_VALUE",
  ].join("\n");
  const [inFirst, inSecond] = differingLines(first, second);
  assert.deepEqual([...inFirst].sort(), [2, 3]);
  assert.deepEqual([...inSecond], [2]);
  const [same, alike] = differingLines(first, first);
  assert.equal(same.size + alike.size, 0);
});
