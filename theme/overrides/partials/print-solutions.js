// The print page only: each exercise's solution moves to a "Solutions" section
// at the end, so a printed handout does not print answers beside questions.
// Without this script (or before it runs) the solutions print opened in place.
// At print_page/?handout, the students' handout, the solutions are removed
// instead, and the cover says so.
// Every lesson's builds box is the same: paper shows the first (print.css).
(() => {
  const gather = () => {
    const page = document.getElementById("print-site-page");
    const solutions = document.querySelectorAll("#print-site-page .exercise details");
    for (const box of [...document.querySelectorAll("#print-site-page details.builds")].slice(1)) {
      box.classList.add("builds--repeated");
    }
    if (new URLSearchParams(location.search).has("handout")) {
      for (const details of solutions) details.remove();
      document.querySelector(".print-cover__handout")?.removeAttribute("hidden");
      document.title = `Student handout: ${document.title}`;
      return;
    }
    if (!page || !solutions.length || document.getElementById("solutions")) return;
    const section = document.createElement("section");
    section.className = "print-page";
    section.id = "solutions";
    section.innerHTML = "<h1>Solutions</h1>";
    for (const details of solutions) {
      const exercise = /** @type {Element} */ (details.closest(".exercise"));
      const lesson = exercise.closest("section.print-page")?.querySelector("h1")?.textContent ?? "";
      const title = exercise.querySelector(".admonition-title")?.textContent ?? "";
      const heading = document.createElement("h2");
      heading.textContent = `${lesson.replace("¶", "").trim()}: ${title.trim()}`;
      section.append(heading, ...[...details.children].filter((child) => child.tagName !== "SUMMARY"));
      details.remove();
    }
    page.append(section);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", gather);
  else gather();
})();
