import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

// Long CPU work in a request (validating 1,000 imported declarations, ~0.5 ms each) is cut in
// time slices with a turn of the event loop between them, so that other requests (`/api/health`,
// a page of a list) are answered meanwhile instead of waiting for the whole work (issue #12).

/** Longest stretch of work between two turns of the event loop, in milliseconds. */
export const SLICE_MS = 10;

/** Lets the event loop run timers and I/O callbacks before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}

/** A stretch of CPU work that gives the event loop a turn each time `sliceMs` have passed. */
export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** Call between two steps of the work: yields once the current slice is over. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await yieldToEventLoop();
    this.sliceStart = performance.now();
  }
}

/** `work` applied to every item, in order, in slices of `sliceMs` (see {@link TimeSlicer}). */
export async function mapInSlices<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => R,
  sliceMs = SLICE_MS,
): Promise<R[]> {
  const results: R[] = [];
  const slicer = new TimeSlicer(sliceMs);
  for (const [index, item] of items.entries()) {
    if (index > 0) await slicer.pause();
    results.push(work(item, index));
  }
  return results;
}
