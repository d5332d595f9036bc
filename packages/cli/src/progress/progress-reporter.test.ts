import { describe, expect, it } from 'vitest';
import { ProgressReporter } from './progress-reporter';
import type { ProgressCounts } from './progress-text';

function sink(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (text: string) => writes.push(text) } };
}

const at = (finished: number, queued = 4 - finished): ProgressCounts => ({
  total: 4,
  queued,
  transmitted: 4 - queued,
  finished,
  accepted: finished,
  rejected: 0,
  failed: 0,
});

describe('progress reporter', () => {
  it('redraws one line in place on a terminal, only when it changes, and ends it with a newline', () => {
    const { writes, stream } = sink(true);
    const reporter = new ProgressReporter(stream, 'final', () => 0);
    reporter.update(at(0));
    reporter.update(at(0));
    reporter.update(at(2, 0));
    reporter.end();
    expect(writes).toHaveLength(3);
    for (const write of writes.slice(0, 2)) expect(write.startsWith('\r\u001b[2K[')).toBe(true);
    expect(writes[1]).toContain('2/4 terminées');
    expect(writes[2]).toBe('\n');
    expect(writes.join('')).not.toMatch(/\n.*\n/);
  });

  it('keeps the bar under a note on a terminal', () => {
    const { writes, stream } = sink(true);
    const reporter = new ProgressReporter(stream, 'final', () => 0);
    reporter.update(at(1));
    reporter.note('Serveur injoignable');
    expect(writes[1]!.startsWith('\r\u001b[2KServeur injoignable\n[')).toBe(true);
    expect(writes[1]).toContain('] 1/4 terminée');
  });

  it('prints plain lines without control characters elsewhere: on change, at most every interval, and the last figures', () => {
    const { writes, stream } = sink(false);
    let now = 0;
    const reporter = new ProgressReporter(stream, 'final', () => now, 5_000);
    reporter.update(at(0)); // printed: first figures
    now = 1_000;
    reporter.update(at(1)); // changed, but too soon
    now = 6_000;
    reporter.update(at(1)); // printed
    now = 20_000;
    reporter.update(at(1)); // unchanged: nothing
    now = 21_000;
    reporter.update(at(4, 0)); // changed, 15 s after the last print: printed
    reporter.end(); // already printed
    expect(writes).toEqual([
      'Envoi : 0/4 terminée (0\u00a0%) · 0 transmise · 0 acceptée\n',
      'Envoi : 1/4 terminée (25\u00a0%) · 1 transmise · 1 acceptée\n',
      'Envoi : 4/4 terminées (100\u00a0%) · 4 transmises · 4 acceptées\n',
    ]);
  });

  it('prints the final figures at the end when the interval held them back', () => {
    const { writes, stream } = sink(false);
    let now = 0;
    const reporter = new ProgressReporter(stream, 'transmitted', () => now, 5_000);
    reporter.update(at(0));
    now = 500;
    reporter.update(at(0, 0));
    reporter.end();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe('Envoi : 4/4 envoyées (100\u00a0%) · 4 transmises · 0 acceptée\n');
  });
});
