// @ts-check
// One Python for a page: a Web Worker running Pyodide, one job at a time.
// runner.js (the page's buttons) loads this module once a block that can run
// comes near the screen; tests/js/python-pool.test.mjs drives it with a fake
// Worker and Node's fake timers. It knows nothing of the page: the worker, the
// runtime and what to do on the first start come in as arguments.
//
// Each job has an owner (the block that asked for it): Stop stops that
// block's job only, whether it is running, starting Python or waiting.
// A run that goes on for a while gets a spare worker started beside it, so
// that Stop (or the time limit) can swap to it instead of starting anew.
// Terminating is the only way to stop running Python here: GitHub Pages cannot
// send the headers SharedArrayBuffer needs, so there is no interrupt buffer.

export const SPARE_AFTER_MS = 500; // a run this long may be stopped: get a spare Python ready
// A start still not ready after this has stalled (about 6 MB to fetch, once:
// a minute on a slow phone line); the next job tries again from scratch.
export const START_LIMIT_MS = 120_000;
export const NOT_STARTED = `Python did not start within ${START_LIMIT_MS / 1000} s (a stalled download?)`;

/** What a block says while Python's first download arrives. */
export const STARTING = (/** @type {number} */ percent) =>
  percent >= 99
    ? "Starting Python in this browser: downloaded, now getting it ready…"
    : `Starting Python in this browser: ${percent}% of about 6 MB downloaded (only the first time)…`;

/** What a reader is told when a run reaches its time limit, in exercise_checker.py's words. */
export const TIMED_OUT = (/** @type {number} */ seconds) =>
  `still running after ${seconds} s: is there an endless loop?`;

/**
 * What this uses of a Worker (the tests pass a fake one).
 * @typedef {object} PythonWorker
 * @property {(message: object) => void} postMessage
 * @property {() => void} terminate
 * @property {((event: MessageEvent) => void) | null} onmessage
 * @property {((event: ErrorEvent) => void) | null} onerror
 */

/**
 * How a job ended: {ok, ended} for a run, {passed, message, printed} for a check,
 * {stopped} when its block pressed Stop, {timedOut, message} at the time limit,
 * {crashed, message} when Python itself died (Python is then restarted).
 * @typedef {object} Result
 * @property {boolean} [ok]
 * @property {string} [ended] a run's end: "ok", "raised" or "exit N" (driver.py)
 * @property {boolean} [crashed]
 * @property {boolean} [passed]
 * @property {string} [message]
 * @property {string} [printed]
 * @property {boolean} [stopped]
 * @property {boolean} [timedOut]
 * @property {string} [listing] what `dis` printed (an "explore" job)
 * @property {string} [problem] why there is no listing, or what went wrong while the code ran
 * @property {Record<string, string>} [specialised] each specialised instruction listed, and its family
 * @property {string} [trace] the stepper's record of a run, as JSON (a "step" job)
 */

/**
 * @typedef {object} JobOptions
 * @property {unknown} owner the block that asked: Stop names it
 * @property {number} limitS seconds a job may run before it is stopped as endless
 * @property {(text: string) => void} [onOutput] each piece of output, as it comes
 * @property {() => void} [onStart] Python is ready and has the job
 * @property {() => void} [onProgress] more of Python's first download arrived while the job waits for it (`starting` says how much)
 */

/** @typedef {{ worker: PythonWorker, ready: Promise<string> }} Spawned */

/** @typedef {{ path: string, files: Record<string, { size: number }> }} Runtime a Pyodide build in runtime.json (hooks/python_runtime.py) */

/**
 * How this site starts a worker for a runtime (the runner's and the explorer's).
 * The worker starts from a blob: URL that imports worker.js: a worker from a
 * blob: URL runs under the page's content security policy (course/csp.py),
 * so the reader's code can reach this site only. (The blob is a line long:
 * it is not revoked, which would race the worker's own load of it.)
 * @param {(path: string) => string} asset a path on this site, as a full URL
 * @returns {(info: Runtime) => Worker}
 */
export function siteWorker(asset) {
  return (info) => {
    const url = new URL(asset("assets/runner/worker.js"));
    url.searchParams.set("runtime", asset(info.path));
    url.searchParams.set("tryIt", asset("assets/try-it/"));
    // The files its start fetches, to count the download by: the scripts
    // (.mjs, and before Pyodide 314 pyodide.asm.js) are imported as modules,
    // not fetched, so they never reach the count.
    const fetched = Object.entries(info.files).filter(([name]) => !/\.m?js$/.test(name));
    url.searchParams.set("bytes", String(fetched.reduce((sum, [, file]) => sum + file.size, 0)));
    const start = new Blob([`import ${JSON.stringify(url.href)};`], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(start), { type: "module" });
  };
}

/**
 * @template Runtime
 * @param {object} options
 * @param {() => Promise<Runtime>} options.runtime which Pyodide build to start (runtime.json's entry)
 * @param {(runtime: Runtime) => PythonWorker} options.createWorker a worker that starts that build
 * @param {() => void} [options.onFirstStart] called once, when Python is first ready
 * @param {(error: Error) => void} [options.onStartFailed] called when a start fails (not when stopped)
 */
export function createPython({ runtime, createWorker, onFirstStart = () => {}, onStartFailed = () => {} }) {
  // A worker running Python, and the promise that it is ready; whatever else
  // it says goes to `onMessage`.
  /**
   * @param {Runtime} info
   * @param {(data: any) => void} onMessage
   * @returns {Spawned}
   */
  function spawn(info, onMessage) {
    const worker = createWorker(info);
    /** @type {Promise<string>} */
    const ready = new Promise((resolve, reject) => {
      worker.onerror = (event) => {
        reject(new Error(event.message || "Python could not start"));
        onMessage({ type: "crashed", message: event.message || "the worker stopped" }); // once started
      };
      worker.onmessage = ({ data }) => {
        if (data.type === "ready") resolve(data.version);
        else if (data.type === "failed") reject(new Error(data.message));
        else onMessage(data);
      };
    });
    ready.catch(() => {}); // a spare that fails is never waited for: not an unhandled rejection
    return { worker, ready };
  }

  return {
    /** @type {PythonWorker | null} */
    worker: null,
    /** @type {Promise<string> | null} the current worker's start, until it fails */
    booting: null,
    /** @type {(() => void) | null} while Python starts: give up on it */
    cancelBoot: null,
    /** @type {{ owner: unknown, finish: (result: Result) => void, receive: (data: any) => void } | null} */
    current: null,
    /** @type {Promise<unknown>} the last job: the next one starts after it */
    queue: Promise.resolve(),
    ids: 0,
    started: false,
    /** @type {unknown} the owner of the job waiting for Python to start */
    booter: null,
    /** @type {(() => void) | null} that job's onProgress */
    progress: null,
    downloaded: 0, // percent of the first start's files

    /** @param {number} percent */
    arrived(percent) {
      this.downloaded = percent;
      this.progress?.();
    },
    /** @type {Map<unknown, () => void>} each queued job's owner, and how to answer it "stopped" */
    waiting: new Map(),
    /** @type {Spawned | null} */
    spare: null,

    /** @returns {Promise<string>} Python's version, once it is ready */
    boot() {
      this.booting ??= (
        this.spare
          ? Promise.resolve(this.spare)
          : runtime().then((info) =>
              spawn(info, (data) =>
                data.type === "progress" ? this.arrived(data.percent) : this.current?.receive(data),
              ),
            )
      )
        .then(({ worker, ready }) => {
          this.spare = null;
          this.worker = worker;
          return new Promise((resolve, reject) => {
            this.cancelBoot = () => reject(new Error("stopped"));
            const stalled = setTimeout(() => reject(new Error(NOT_STARTED)), START_LIMIT_MS);
            ready.then(resolve, reject).finally(() => clearTimeout(stalled));
          });
        })
        .then((version) => {
          this.cancelBoot = null;
          if (!this.started) onFirstStart();
          this.started = true;
          return version;
        });
      this.booting.catch((error) => {
        this.reset();
        if (error.message !== "stopped") onStartFailed(error);
      });
      return this.booting;
    },

    prepareSpare() {
      if (this.spare) return;
      runtime().then(
        (info) => {
          this.spare ??= spawn(info, (data) => this.current?.receive(data));
        },
        () => {}, // no spare: Stop starts a worker anew
      );
    },

    get ready() {
      return Boolean(this.worker) && !this.cancelBoot;
    },

    /** What a block says while it waits for Python: null once Python is ready. */
    get starting() {
      if (this.ready) return null;
      return this.started ? "Restarting Python…" : STARTING(this.downloaded);
    },

    reset() {
      this.worker?.terminate();
      this.worker = this.booting = this.cancelBoot = null;
    },

    // The spare (or a fresh worker) takes over at once, so the next run waits little.
    restart() {
      this.reset();
      this.boot().catch(() => {});
    },

    // The reader asked for a fresh Python ("Restart Python"): a job running
    // now is stopped, the jobs waiting run on the new one.
    renew() {
      if (this.current) this.current.finish({ stopped: true });
      else this.restart();
    },

    /** @param {unknown} owner */
    stop(owner) {
      const { current } = this;
      if (current && current.owner === owner) current.finish({ stopped: true });
      else if (this.booter === owner && this.cancelBoot) {
        this.cancelBoot();
        this.reset();
      } else this.waiting.get(owner)?.(); // still queued: answer at once, skip it later
    },

    /**
     * Run one job (a message for worker.js) after those before it. Rejects
     * (with "stopped" if its block pressed Stop) when Python cannot start.
     * @param {object} message
     * @param {JobOptions} options
     * @returns {Promise<Result>}
     */
    exec(message, { owner, onOutput, limitS, onStart, onProgress }) {
      let cancelled = false;
      /** @type {(result: Result) => void} */
      let answerStopped = () => {};
      /** @type {Promise<Result>} */
      const stoppedEarly = new Promise((resolve) => {
        answerStopped = resolve;
      });
      this.waiting.set(owner, () => {
        cancelled = true;
        answerStopped({ stopped: true });
      });
      const job = this.queue
        .then(async () => {
          if (cancelled) return { stopped: true };
          this.booter = owner;
          this.progress = onProgress ?? null;
          try {
            await this.boot();
          } finally {
            this.booter = this.progress = null;
          }
          return new Promise((resolve) => {
            const id = ++this.ids;
            const timer = setTimeout(() => finish({ timedOut: true, message: TIMED_OUT(limitS) }), limitS * 1000);
            const spareTimer = setTimeout(() => this.prepareSpare(), SPARE_AFTER_MS);
            /** @param {Result} result */
            const finish = (result) => {
              clearTimeout(timer);
              clearTimeout(spareTimer);
              this.current = null;
              if (result.stopped || result.timedOut || result.crashed) this.restart();
              resolve(result);
            };
            this.current = {
              owner,
              finish,
              receive(data) {
                if (data.type === "crashed") finish({ crashed: true, message: data.message });
                if (data.id !== id) return;
                if (data.type === "out") onOutput?.(data.text);
                else if (data.type === "done") finish({ ok: data.ended === "ok", ended: data.ended });
                else if (["checked", "explored", "stepped"].includes(data.type)) finish(data);
              },
            };
            onStart?.();
            /** @type {PythonWorker} */ (this.worker).postMessage({ ...message, id });
          });
        })
        .finally(() => this.waiting.delete(owner));
      this.queue = job.catch(() => {});
      return Promise.race([job, stoppedEarly]);
    },
  };
}
