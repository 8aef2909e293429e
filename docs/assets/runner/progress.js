// @ts-check
// What a learner has done in a lesson, kept in this browser between visits:
// the exercises that passed, the checkpoints answered and the quiz questions
// answered right. runner.js shows it
// as ticks; tests/js/progress.test.mjs drives it with a fake storage.

/**
 * @typedef {{ exercises: number[], checkpoints: string[], quiz: number[] }} Done
 * @typedef {keyof Done} Kind
 */

/** @returns {Done} */
const nothing = () => ({ exercises: [], checkpoints: [], quiz: [] });

/**
 * @param {() => Storage} storage the browser's storage (a function: reading it can throw)
 * @param {string} site the site's path, so two copies of the site on one origin keep apart
 */
export function createProgress(storage, site) {
  const key = (/** @type {string} */ lesson) => `${site}:${lesson}:progress`;

  /** @param {string} lesson @returns {Done} what is kept, or nothing if none or unreadable */
  function read(lesson) {
    try {
      const kept = JSON.parse(storage().getItem(key(lesson)) ?? "null");
      if (Array.isArray(kept?.exercises) && Array.isArray(kept?.checkpoints)) {
        return { ...kept, quiz: Array.isArray(kept.quiz) ? kept.quiz : [] }; // kept before the quiz existed
      }
    } catch {
      /* blocked storage or a damaged entry: start afresh */
    }
    return nothing();
  }

  return {
    read,
    /**
     * Keeps that `id` (an exercise's number, a checkpoint's id, a quiz question's number) is done.
     * @param {string} lesson
     * @param {Kind} kind
     * @param {number | string} id
     * @returns {boolean} whether it is kept (false: storage refused)
     */
    mark(lesson, kind, id) {
      const done = read(lesson);
      const list = /** @type {(number | string)[]} */ (done[kind]);
      if (!list.includes(id)) list.push(id);
      try {
        storage().setItem(key(lesson), JSON.stringify(done));
        return true;
      } catch {
        return false;
      }
    },
  };
}
