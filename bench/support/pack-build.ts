// Dictionary build time per campaign pack (issue #16): what an install, and each instance's
// rebuild after one, costs. Every pack is checked whole (manifest, checksums, every line, value
// tables, labels) and its dictionary built, `runs` times; the median and min–max are printed.
import { performance } from 'node:perf_hooks';
import { builtInPackFiles, syntheticFuturePack, zipPack } from '@passerelle/tdfc/testing';
import { checkPack, readPackArchive, type PackFiles } from '@passerelle/tdfc';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Prints the build time of the built-in 2025 pack and of a SYNTHETIC 2026 one (from its .zip). */
export function printPackBuildTimes(runs = 7): void {
  const packs: [string, () => PackFiles][] = [
    ['built-in 2025 (folder)', builtInPackFiles],
    ['SYNTHETIC 2026 (.zip, read + check)', () => readPackArchive(zipPack(syntheticFuturePack()))],
  ];
  for (const [name, files] of packs) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const input = files();
      const start = performance.now();
      checkPack(input);
      times.push(performance.now() - start);
    }
    console.log(
      `pack ${name}: check + dictionary build median ${median(times).toFixed(0)} ms ` +
        `(${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) over ${runs} runs`,
    );
  }
}
