// Latency figures of the list bench: repeated timings of one request, and the latency of
// `/api/health` asked over and over while a long request runs (what "the event loop is not
// blocked" means to another client).
import { performance } from 'node:perf_hooks';

/** Median, 95th percentile (nearest rank) and maximum of some durations, in ms. */
export interface Spread {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

/** The spread of `samples` (ms). */
export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5) ?? NaN, p95: at(0.95) ?? NaN, max: sorted.at(-1) ?? NaN, n: sorted.length };
}

/** Runs `work` `warmup` times unmeasured, then `runs` times, and gives the spread of the latter. */
export async function timeRuns(
  runs: number,
  work: () => Promise<unknown>,
  warmup = 3,
): Promise<Spread> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return spread(samples);
}

/**
 * Asks `GET <url>/api/health` one request after another (5 ms apart) while `work` runs; gives
 * how long `work` took and the spread of the health answers' latencies meanwhile.
 */
export async function healthDuring<T>(
  url: string,
  work: () => Promise<T>,
): Promise<{ result: T; tookMs: number; health: Spread }> {
  let done = false;
  const samples: number[] = [];
  const started = performance.now();
  const running = work().finally(() => (done = true));
  while (!done) {
    const asked = performance.now();
    await (await fetch(`${url}/api/health`)).text();
    samples.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const result = await running;
  return { result, tookMs: performance.now() - started, health: spread(samples) };
}

/** "p50 1.2 / p95 3.4 / max 5.6 ms". */
export const showSpread = (s: Spread) =>
  `p50 ${s.p50.toFixed(1)} / p95 ${s.p95.toFixed(1)} / max ${s.max.toFixed(1)} ms`;
