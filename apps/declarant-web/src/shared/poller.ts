// Asking the server again and again (a batch's progress, a declaration's transmissions): one
// request at a time, the next one `intervalMs` after the previous answer, until told to stop.

/** What to ask, and what to do with each answer. */
export interface PollOptions<T> {
  load: () => Promise<T>;
  /** Receives each answer; returns whether to ask again. */
  onData: (data: T) => boolean;
  /** Receives each failure; returns whether to ask again (e.g. not after a lost session). */
  onError: (error: unknown) => boolean;
  /** Pause between an answer and the next request. */
  intervalMs: number;
  /**
   * Longest pause after failures in a row: each doubles the pause (a server that is restarting
   * is not hammered), and the first success brings it back to `intervalMs`.
   */
  maxIntervalMs?: number;
  /** Injected in tests; the browser's timers by default. */
  timers?: {
    setTimeout: (callback: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
  };
}

/** Starts asking at once; the returned function stops (an answer arriving later is dropped). */
export function startPolling<T>(options: PollOptions<T>): () => void {
  const timers = options.timers ?? {
    setTimeout: (callback: () => void, ms: number) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle: unknown) =>
      globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const longest = options.maxIntervalMs ?? options.intervalMs * 16;
  let stopped = false;
  let failures = 0;
  let timer: unknown;

  const next = (delay: number) => {
    if (!stopped) timer = timers.setTimeout(() => void ask(), delay);
  };

  async function ask(): Promise<void> {
    let again: boolean;
    try {
      const data = await options.load();
      if (stopped) return;
      failures = 0;
      again = options.onData(data);
    } catch (error) {
      if (stopped) return;
      failures += 1;
      again = options.onError(error);
    }
    if (again) next(Math.min(longest, options.intervalMs * 2 ** failures));
  }

  void ask();
  return () => {
    stopped = true;
    if (timer !== undefined) timers.clearTimeout(timer);
  };
}
