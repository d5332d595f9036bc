// Third-party check, as for the INFENT-DF (infent/infent-oracle.test.ts): node-edifact (the
// `edifact` package, a devDependency of packages/edifact) cuts our CONTRL and CR into the same
// segments as @passerelle/edifact, and its UNT/UNZ counts agree with what it read. It knows
// UNOC, not UNOL: the text is given as Latin-1 (the eight Latin-9 letters become other bytes,
// which does not move any separator).
import { Buffer } from 'node:buffer';
import {
  allSegments,
  asComponentArrays,
  expectOracleUntCounts,
  parseWithOracle,
} from '@passerelle/edifact/testing';
import { describe, expect, it } from 'vitest';
import { simplified, formOf } from '../testing/declarations';
import { IDENTIFICATION_FORM } from '../model';
import { processDeposit } from './process-deposit';
import { EXPECT, depositOf, edited, parseReturn, returnBytes } from '../testing/returns';

/** A string of a Latin-9 text as node-edifact sees it when the bytes are read as Latin-1. */
const seenAsLatin1 = (value: string): string => Buffer.from(returnBytes(value)).toString('latin1');

function checkWithOracle(text: string): void {
  const oracle = parseWithOracle(seenAsLatin1(text));
  expect(oracle).toEqual(
    allSegments(parseReturn(text))
      .map(asComponentArrays)
      .map(({ name, elements }) => ({
        name,
        elements: elements.map((components) => components.map(seenAsLatin1)),
      })),
  );
  const messages = expectOracleUntCounts(oracle);
  expect(oracle.at(-1)?.elements[0]).toEqual([String(messages)]);
}

describe('node-edifact reads the returns we write', () => {
  it('a CONTRL (message-level and segment-level faults)', () => {
    const bytes = edited(depositOf(simplified()), (t) =>
      t
        .replace('UNT+330+00001', 'UNT+331+00001')
        .replace('DES TILLEULS::SARL+12', 'DES\x01TILLEULS::SARL+12'),
    );
    const outcome = processDeposit(bytes, EXPECT);
    if (!('contrl' in outcome)) throw new Error('CONTRL attendu');
    checkWithOracle(outcome.contrl);
  });

  it('a CR with error lines holding accents, apostrophes and separators', () => {
    const declaration = simplified((d) => {
      formOf(d, '2033A').AA = -5;
      delete formOf(d, IDENTIFICATION_FORM).KD;
    });
    const outcome = processDeposit(depositOf(declaration, simplified()), EXPECT);
    if (!('cr' in outcome)) throw new Error('CR attendu');
    expect(outcome.errors.some((e) => /[':+?]/.test(e.message))).toBe(true);
    checkWithOracle(outcome.cr);
  });
});
