// Third-party check: node-edifact (the `edifact` npm package, a devDependency of
// packages/edifact, resolved from the repository's node_modules) parses every interchange we
// write into the same segments, and its UNT/UNE/UNZ counts agree with what it read. It does not
// know UNOL, so these interchanges are written in UNOC (same bytes for the text used here).
import { readInterchange } from '@passerelle/edifact';
import {
  allSegments,
  asComponentArrays,
  decodeWithNode,
  expectOracleUntCounts,
  parseWithOracle,
} from '@passerelle/edifact/testing';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/fixtures';
import { dictionary } from '../testing/declarations';
import type { Declaration } from '../model';
import { DEFAULT_INFENT_PROFILE } from './envelope-config';
import { SAMPLE_ENVELOPE, tinyDeclaration } from '../testing/infent';
import { writeInfentInterchange } from './write-infent';

const UNOC = { ...DEFAULT_INFENT_PROFILE, syntax: { identifier: 'UNOC', version: '3' } } as const;

function checkWithOracle(declarations: Declaration[]): void {
  const data = writeInfentInterchange(dictionary, declarations, SAMPLE_ENVELOPE, { profile: UNOC });
  const oracle = parseWithOracle(decodeWithNode(data, 'UNOC'));
  expect(oracle).toEqual(allSegments(readInterchange(data)).map(asComponentArrays));
  // The counts, as node-edifact saw the segments.
  const messages = expectOracleUntCounts(oracle);
  expect(messages).toBe(declarations.length);
  expect(oracle.find((s) => s.name === 'UNE')?.elements[0]).toEqual([String(messages)]);
  expect(oracle.at(-1)?.elements[0]).toEqual(['1']);
}

describe('node-edifact reads the INFENT-DF interchanges we write', () => {
  it('the tiny declaration (escaped apostrophe, negative amount)', () => {
    checkWithOracle([tinyDeclaration()]);
  });

  it('both fixtures, separately and in one interchange', () => {
    const fixtures = [readFixture('liasseSimplifiee'), readFixture('reelNormal')];
    checkWithOracle([fixtures[0]!]);
    checkWithOracle([fixtures[1]!]);
    checkWithOracle(fixtures);
  });

  it('fifty declarations with varied SIRENs and every segment type', () => {
    const declarations = Array.from({ length: 50 }, (_, i) => {
      const declaration = i % 2 ? readFixture('reelNormal') : readFixture('liasseSimplifiee');
      declaration.siren = String(100_000_000 + i * 7);
      declaration.forms['2065']![0]!.AQ = `Ligne ${i}\nSuite : 10 % + 5 ?`;
      declaration.forms['2028A'] = [{ AD: i, BA: [2020 + (i % 5)] }];
      declaration.forms.DEMAGRECOR = [{ AU: '2024-01-01/2024-12-31' }];
      declaration.forms.OGBNC05 = [{ AA: ['512000', '401000'] }];
      return declaration;
    });
    checkWithOracle(declarations);
  });
});
