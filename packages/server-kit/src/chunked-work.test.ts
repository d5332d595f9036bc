import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { mapInSlices } from './chunked-work';

/** Keeps the CPU busy for `ms` (a stand-in for validating a declaration). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('mapInSlices', () => {
  it('maps every item in order', async () => {
    expect(await mapInSlices([1, 2, 3], (n, i) => n * 10 + i)).toEqual([10, 21, 32]);
    expect(await mapInSlices([], (n: number) => n)).toEqual([]);
  });

  it('lets timers run between slices of long work', async () => {
    // 40 items of 2 ms: 80 ms of work; a timer due at once fires before it ends, between
    // slices, instead of after (which is what "blocking the event loop" would mean).
    let mappedWhenTimerRan = -1;
    let mapped = 0;
    setTimeout(() => (mappedWhenTimerRan = mapped), 0);
    await mapInSlices(
      Array.from({ length: 40 }, (_, i) => i),
      () => {
        busy(2);
        mapped += 1;
      },
      10,
    );
    expect(mappedWhenTimerRan).toBeGreaterThan(0);
    expect(mappedWhenTimerRan).toBeLessThan(40);
  });
});
