import { describe, expect, it } from 'vitest';
import {
  addCounts,
  progressBarLine,
  progressCells,
  progressText,
  type ProgressCounts,
} from './progress-text';

const counts = (overrides: Partial<ProgressCounts>): ProgressCounts => ({
  total: 20,
  queued: 20,
  transmitted: 0,
  finished: 0,
  accepted: 0,
  rejected: 0,
  failed: 0,
  ...overrides,
});

describe('progress bar rendering', () => {
  it('draws final, sent-but-not-final and waiting cells in proportion', () => {
    expect(progressCells(counts({}), 10)).toBe('░'.repeat(10));
    // 4 final, 6 more out of the queue, 10 waiting → 2 █, 3 ▒, 5 ░.
    expect(progressCells(counts({ queued: 10, transmitted: 10, finished: 4 }), 10)).toBe(
      '██▒▒▒░░░░░',
    );
    expect(progressCells(counts({ queued: 0, transmitted: 20, finished: 20 }), 10)).toBe(
      '█'.repeat(10),
    );
    // A cell is full only when its share is complete: 19/20 is not a full bar.
    expect(progressCells(counts({ queued: 0, transmitted: 20, finished: 19 }), 10)).toBe(
      '█████████▒',
    );
  });

  it('says the figures in French, naming rejections and failures only when there are some', () => {
    expect(progressText(counts({}), 'final')).toBe(
      '0/20 terminée (0\u00a0%) · 0 transmise · 0 acceptée',
    );
    expect(
      progressText(
        counts({ queued: 2, transmitted: 17, finished: 13, accepted: 11, rejected: 1, failed: 1 }),
        'final',
      ),
    ).toBe('13/20 terminées (65\u00a0%) · 17 transmises · 11 acceptées · 1 rejetée · 1 en échec');
    // --no-wait counts what left the queue.
    expect(progressText(counts({ queued: 19, transmitted: 1 }), 'transmitted')).toBe(
      '1/20 envoyée (5\u00a0%) · 1 transmise · 0 acceptée',
    );
  });

  it('fits the line to the terminal width, cutting the text rather than wrapping', () => {
    const state = counts({ queued: 10, transmitted: 10, finished: 4, accepted: 4 });
    const wide = progressBarLine(state, 'final', 120);
    expect(wide).toMatch(/^\[[█▒░]{30}\] 4\/20 terminées/);
    const narrow = progressBarLine(state, 'final', 40);
    expect([...narrow].length).toBe(39);
    expect(narrow.endsWith('…')).toBe(true);
    expect(narrow).toMatch(/^\[[█▒░]{10}\] /);
  });

  it('adds up several batches', () => {
    expect(
      addCounts([
        counts({ total: 1000, queued: 10, transmitted: 990, finished: 5, accepted: 5 }),
        counts({ total: 200, queued: 200 }),
      ]),
    ).toEqual({
      total: 1200,
      queued: 210,
      transmitted: 990,
      finished: 5,
      accepted: 5,
      rejected: 0,
      failed: 0,
    });
  });
});
