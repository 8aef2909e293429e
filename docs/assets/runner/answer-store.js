// @ts-check
// Where a learner's answer to an exercise is kept between visits: the
// browser's storage, one entry per exercise. runner.js loads this module with
// the first exercise's editor; tests/js/answer-store.test.mjs drives it with a
// fake storage. Nothing is lost without a word:
// - a write that fails (storage full or blocked) is reported, and the page
//   says so where the learner types;
// - an empty text never replaces a kept answer;
// - each editor remembers when what it shows was kept; a newer answer kept
//   since (by another tab) is never overwritten by an older one.

/**
 * An answer as kept: the code, and when it was kept (ms since 1970).
 * @typedef {{ code: string, keptAt: number }} Kept
 */

/**
 * How a save went: "kept"; "removed" (back to the starter); "unchanged";
 * "newer-elsewhere" (another tab kept a newer answer: nothing written);
 * "failed" (storage refused: nothing kept).
 * @typedef {"kept" | "removed" | "unchanged" | "newer-elsewhere" | "failed"} Saved
 */

/**
 * @param {string} raw what storage holds for an exercise
 * @returns {Kept}
 */
function parse(raw) {
  try {
    const value = JSON.parse(raw);
    if (typeof value?.code === "string" && Number.isFinite(value.keptAt)) return value;
  } catch {
    /* kept by an earlier version of this site: the code itself */
  }
  return { code: raw, keptAt: 0 };
}

/**
 * @param {() => Storage} storage the browser's storage (a function: reading it can throw)
 * @param {() => number} [now]
 */
export function createAnswerStore(storage, now = Date.now) {
  /** @param {string} key @returns {Kept | null} the kept answer, or null if none or unreadable */
  function read(key) {
    try {
      const raw = storage().getItem(key);
      return raw === null ? null : parse(raw);
    } catch {
      return null;
    }
  }

  return {
    read,

    /**
     * One exercise's answer, as its editor keeps it.
     * @param {string} key
     * @param {string} starter the exercise's starting code: not kept
     */
    answer(key, starter) {
      const kept = read(key);
      let basis = kept?.keptAt ?? 0; // when what the editor shows was kept
      return {
        /** What the editor starts with. */
        initial: kept && kept.code !== "" ? kept.code : starter,

        /** @param {string} code @returns {Saved} */
        save(code) {
          const current = read(key);
          if (current && current.keptAt > basis) return "newer-elsewhere";
          if (code === starter) {
            if (!current) return "unchanged";
            try {
              storage().removeItem(key);
            } catch {
              return "failed";
            }
            basis = 0;
            return "removed";
          }
          if (code === "" || code === current?.code) return "unchanged";
          const keptAt = Math.max(now(), basis + 1);
          try {
            storage().setItem(key, JSON.stringify({ code, keptAt }));
          } catch {
            return "failed";
          }
          basis = keptAt;
          return "kept";
        },

        /** Another tab changed this answer: what it kept now, taken as the editor's own. */
        adopt() {
          const kept = read(key);
          basis = kept?.keptAt ?? 0;
          return kept?.code ?? starter;
        },
      };
    },
  };
}
