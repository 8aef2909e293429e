// @ts-check
// A lesson's closing quiz (course/quiz.py writes the form, with each answer
// read from recorded outputs). The reader picks, then checks every answer at
// once: each question says whether it was right and why, with a link back to
// its section, and the questions answered right are kept as progress.
// runner.js loads this when a quiz comes near the screen;
// tests/js/quiz.test.mjs checks the scoring.

/** @typedef {"right" | "wrong" | "unanswered"} Verdict */

/**
 * @param {(string | null)[]} picked the reader's choice for each question, null where none
 * @param {string[]} answers
 * @returns {{ verdicts: Verdict[], right: number }}
 */
export function score(picked, answers) {
  /** @type {Verdict[]} */
  const verdicts = answers.map((answer, i) => {
    if (picked[i] === null) return "unanswered";
    return picked[i] === answer ? "right" : "wrong";
  });
  return { verdicts, right: verdicts.filter((verdict) => verdict === "right").length };
}

/**
 * @param {number} right
 * @param {number} total
 * @param {number} unanswered
 */
export function summary(right, total, unanswered) {
  if (unanswered) return `${right} of ${total} right; ${unanswered} not answered yet.`;
  if (right === total) return `${right} of ${total} right. Well done.`;
  return `${right} of ${total} right. Read again what you missed, then check once more.`;
}

/**
 * @param {HTMLFormElement} form
 * @param {number[]} before the questions answered right on an earlier visit
 * @param {(numbers: number[]) => void} keep called with the questions answered right
 */
export function setUpQuiz(form, before, keep) {
  const questions = /** @type {HTMLElement[]} */ ([...form.querySelectorAll("fieldset.quiz__question")]);
  const scoreLine = /** @type {HTMLElement} */ (form.querySelector(".quiz__score"));
  const check = document.createElement("button");
  check.type = "submit";
  check.className = "md-button runner-button";
  check.textContent = "Check my answers";
  scoreLine.before(check);
  if (before.length) {
    scoreLine.textContent = `In this browser you have answered ${before.length} of ${questions.length} right.`;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault(); // the page stays; nothing is sent anywhere
    const picked = questions.map(
      (question) => /** @type {HTMLInputElement | null} */ (question.querySelector("input:checked"))?.value ?? null,
    );
    const { verdicts, right } = score(
      picked,
      questions.map((question) => question.dataset.answer ?? ""),
    );
    questions.forEach((question, i) => {
      const verdict = /** @type {HTMLElement} */ (question.querySelector(".quiz__verdict"));
      const why = /** @type {HTMLElement} */ (question.querySelector(".quiz__why"));
      verdict.dataset.verdict = verdicts[i];
      verdict.textContent = {
        right: "Right.",
        wrong: `Not quite: the answer is ${question.dataset.answer}.`,
        unanswered: "Not answered yet.",
      }[verdicts[i]];
      why.hidden = verdicts[i] === "unanswered";
    });
    scoreLine.textContent = summary(right, questions.length, verdicts.filter((v) => v === "unanswered").length);
    keep(verdicts.flatMap((verdict, i) => (verdict === "right" ? [i + 1] : [])));
  });
}
