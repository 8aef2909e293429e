// @ts-check
// The code editor: CodeMirror 6 with Python, bundled by esbuild at build time
// (hooks/python_runtime.py) into editor.js, which runner.js loads on first use.
// Colours come from Material's code variables, so light and dark both work
// (with the contrast site.css gives them). Long lines wrap: on a phone nothing
// hides to the right, and the editor never becomes a scrolling region.

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { Decoration, drawSelection, EditorView, keymap, lineNumbers, ViewPlugin } from "@codemirror/view";
import { tags } from "@lezer/highlight";

const colours = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--md-code-hl-keyword-color)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--md-code-hl-string-color)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--md-code-hl-number-color)" },
  { tag: tags.comment, color: "var(--md-code-hl-comment-color)" },
  {
    tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)],
    color: "var(--md-code-hl-function-color)",
  },
  { tag: tags.operator, color: "var(--md-code-hl-operator-color)" },
  { tag: tags.standard(tags.variableName), color: "var(--md-code-hl-constant-color)" },
]);

const look = EditorView.theme({
  "&": { color: "var(--md-code-fg-color)", backgroundColor: "var(--md-code-bg-color)" },
  ".cm-content": { fontFamily: "var(--md-code-font-family)", caretColor: "var(--md-code-fg-color)" },
  ".cm-gutters": {
    backgroundColor: "var(--md-code-bg-color)",
    color: "var(--md-code-hl-comment-color)",
    border: "none",
  },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)" },
  ".cm-cursor": { borderLeftColor: "var(--md-code-fg-color)" },
});

// A long line wraps under its own indentation and four columns more, not at
// the left edge, where in Python it would read as a line of its own (the
// page's code blocks wrap the same way, site.css). Each visible line gets a
// hanging indent as wide as its leading spaces.
const HANG = 4;
const DEEPEST = 20; // columns: deeper code still leaves a phone's continuation lines some room
/** @param {EditorView} view */
function hangingIndents(view) {
  const ranges = [];
  for (const { from, to } of view.visibleRanges) {
    for (let at = from; at <= to; ) {
      const line = view.state.doc.lineAt(at);
      const indent = Math.min(line.text.length - line.text.trimStart().length + HANG, DEEPEST);
      const style = `padding-left: calc(${indent}ch + 6px); text-indent: -${indent}ch`; // 6 px: CodeMirror's own
      ranges.push(Decoration.line({ attributes: { style } }).range(line.from));
      at = line.to + 1;
    }
  }
  return Decoration.set(ranges);
}
const hanging = ViewPlugin.fromClass(
  class {
    /** @param {EditorView} view */
    constructor(view) {
      this.decorations = hangingIndents(view);
    }
    /** @param {import("@codemirror/view").ViewUpdate} update */
    update(update) {
      if (update.docChanged || update.viewportChanged) this.decorations = hangingIndents(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

// Tab indents, as in any code editor. Keyboard users leave the editor with
// Escape then Tab (CodeMirror's own convention), which the page explains
// beside each editor in these words.
export const KEYBOARD_HINT = "Tab indents. To leave the editor, press Esc, then Tab.";

/**
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {{ label: string, describedBy: string, onChange: (text: string) => void }} options
 */
export function createEditor(parent, text, { label, describedBy, onChange }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        EditorView.lineWrapping,
        hanging,
        indentOnInput(),
        bracketMatching(),
        indentUnit.of("    "),
        python(),
        syntaxHighlighting(colours),
        look,
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": describedBy }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(view.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    replace(/** @type {string} */ newText) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: newText } });
    },
    focus: () => view.focus(),
  };
}
