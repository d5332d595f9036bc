// Throughput of a piece of work over a few runs, each from a collected heap (the benches of
// @passerelle/edifact and @passerelle/tdfc).
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MIB = 1024 * 1024;

/** MiB/s over the runs: median, slowest and fastest. */
export interface Rate {
  median: number;
  min: number;
  max: number;
}

/** `global.gc`, exposed at run time (the benches run without --expose-gc). */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** MiB/s of `run` over `runs` runs (after one warm-up), `bytes` being the work per run. */
export async function throughput(bytes: number, runs: number, run: () => unknown): Promise<Rate> {
  const collectGarbage = garbageCollector();
  await run();
  const rates: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    collectGarbage();
    const start = performance.now();
    await run();
    rates.push(bytes / MIB / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? Number.NaN;
  return { median, min: rates[0] ?? Number.NaN, max: rates.at(-1) ?? Number.NaN };
}

/** "12.3 MiB/s (11.9–12.8)": median (min–max). */
export const formatRate = (rate: Rate): string =>
  `${rate.median.toFixed(1)} MiB/s (${rate.min.toFixed(1)}–${rate.max.toFixed(1)})`;
