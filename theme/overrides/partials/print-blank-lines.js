// The print page only: an empty line in a code block prints half as tall
// (print.css), as in a printed book's listings: it still parts the code, and
// the module's 180 empty lines cost a page less. A line is only text, so each
// empty one is wrapped in a span for print.css; on screen it changes nothing.
(() => {
  const halve = () => {
    for (const code of document.querySelectorAll("#print-site-page pre > code")) {
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      const texts = [];
      while (walker.nextNode()) {
        const text = /** @type {Text} */ (walker.currentNode);
        if (text.data.includes("\n\n")) texts.push(text);
      }
      for (const text of texts) {
        // "a\n\nb" -> "a\n", <span class="blank-line">\n</span>, "b"
        const parts = text.data.split(/(?<=\n)(?=\n)/);
        text.replaceWith(
          ...parts
            .flatMap((part, index) => {
              if (index === 0) return part;
              const blank = document.createElement("span");
              blank.className = "blank-line";
              blank.textContent = "\n";
              return [blank, part.slice(1)];
            })
            .filter((node) => node !== ""),
        );
      }
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", halve);
  else halve();
})();
