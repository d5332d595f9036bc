// Whatever the bytes, processDeposit decides: 1,000 random corruptions of a valid interchange
// (bytes flipped, inserted, deleted, cut, segments repeated or swapped, digits changed) each give
// an outcome whose return reads back and says what `errors` says. Seeded: a failure replays.
import { describe, expect, it } from 'vitest';
import { simplified } from '../testing/declarations';
import { readContrl } from './contrl-read';
import { readInfentCr } from './infent-cr-read';
import { processDeposit } from './process-deposit';
import { EXPECT, bytesOf, depositOf, latin1 } from '../testing/returns';

/** mulberry32: a small seeded generator, so that every run corrupts the same way. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = [..."'+:?,UNTHZEBG0123456789\x00\n\xff"];

function corrupt(text: string, next: () => number): string {
  const at = (length = text.length) => Math.floor(next() * length);
  const pick = <T>(list: readonly T[]): T => list[at(list.length)] as T;
  const segments = text.split("'");
  switch (at(8)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + String.fromCharCode(at(256)) + text.slice(i + 1);
    }
    case 1: {
      const i = at();
      return text.slice(0, i) + pick(SPECIAL) + text.slice(i);
    }
    case 2: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + at(20));
    }
    case 3:
      return text.slice(0, at());
    case 4: {
      const i = at(segments.length);
      segments.splice(i, 0, segments[i] ?? '');
      return segments.join("'");
    }
    case 5: {
      const i = at(segments.length);
      const j = at(segments.length);
      [segments[i], segments[j]] = [segments[j] ?? '', segments[i] ?? ''];
      return segments.join("'");
    }
    case 6:
      return text.replace(/\d/g, (d) => (next() < 0.01 ? String((Number(d) + 1) % 10) : d));
    default: {
      // Several small edits at once.
      let out = text;
      for (let n = 0; n < 3; n += 1) {
        const i = Math.floor(next() * out.length);
        out = out.slice(0, i) + pick(SPECIAL) + out.slice(i + 1);
      }
      return out;
    }
  }
}

describe('processDeposit never throws', () => {
  // 1,000 deposits take a few seconds; the longer timeout is for a loaded shared machine.
  it(
    'decides on 1,000 corruptions of a valid interchange, with returns that read back',
    { timeout: 120_000 },
    () => {
      const valid = latin1(depositOf(simplified()));
      const next = random(20250502);
      const kinds = new Map<string, number>();
      for (let run = 0; run < 1000; run += 1) {
        const bytes = bytesOf(corrupt(valid, next));
        const outcome = processDeposit(bytes, EXPECT);
        kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
        // A defect of ours is caught as "traitement impossible": none may happen.
        expect(outcome.errors.filter((e) => e.message.includes('traitement impossible'))).toEqual(
          [],
        );
        if ('contrl' in outcome) {
          expect(outcome.errors.length).toBeGreaterThan(0);
          const read = readContrl(outcome.contrl);
          expect(read.report.action).toBe('4');
        } else {
          expect(readInfentCr(outcome.cr).errors).toEqual(outcome.errors);
          if (outcome.kind !== 'accepted')
            expect(outcome.errors.some((e) => e.severity === 'rejet')).toBe(true);
        }
      }
      // The corruptions reach both checks.
      expect(kinds.get('syntax_rejected')).toBeGreaterThan(100);
      expect((kinds.get('accepted') ?? 0) + (kinds.get('partially_rejected') ?? 0)).toBeGreaterThan(
        10,
      );
    },
  );
});
