// Third-party check: node-edifact (the `edifact` npm package, a devDependency of
// packages/edifact, resolved from the repository's node_modules) parses every interchange we
// write into the same segments, and its UNT/UNE/UNZ counts agree with what it read. It does not
// know UNOL, so these interchanges are written in UNOC (same bytes for the text used here).
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { componentsOf, isRepetitions, readInterchange, type Segment } from '@passerelle/edifact';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/fixtures';
import { dictionary } from '../fixtures/test-helpers';
import type { Declaration } from '../model';
import { DEFAULT_INFENT_PROFILE } from './envelope-config';
import { SAMPLE_ENVELOPE, tinyDeclaration } from './test-support';
import { writeInfentInterchange } from './write-infent';

interface OracleParser {
  encoding(level: string): void;
  write(chunk: string): void;
  end(): void;
  onopensegment(name: string): void;
  onelement(): void;
  oncomponent(value: string): void;
  onclosesegment(): void;
}
interface OracleSegment {
  name: string;
  elements: string[][];
}
const require = createRequire(import.meta.url);
const { Parser } = require('edifact') as { Parser: new () => OracleParser };

/** node-edifact's event parser (without its validator, which rewrites numbers). */
function parseWithOracle(text: string): OracleSegment[] {
  const parser = new Parser();
  parser.encoding('UNOC');
  const segments: OracleSegment[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  parser.onopensegment = (name) => {
    elements = [];
    segments.push({ name, elements });
  };
  parser.onelement = () => {
    components = [];
    elements.push(components);
  };
  parser.oncomponent = (value) => components.push(value);
  parser.onclosesegment = () => undefined;
  parser.write(text);
  parser.end();
  return segments;
}

const asArrays = (segment: Segment): OracleSegment => ({
  name: segment.tag,
  elements: segment.elements.map((e) => (isRepetitions(e) ? [] : [...componentsOf(e)])),
});

const UNOC = { ...DEFAULT_INFENT_PROFILE, syntax: { identifier: 'UNOC', version: '3' } } as const;

function checkWithOracle(declarations: Declaration[]): void {
  const data = writeInfentInterchange(dictionary, declarations, SAMPLE_ENVELOPE, { profile: UNOC });
  const oracle = parseWithOracle(Buffer.from(data).toString('latin1'));
  const ours = readInterchange(data);
  const all = [
    ours.header,
    ...(ours.groups ?? []).flatMap((g) => [
      g.header,
      ...g.messages.flatMap((m) => [m.header, ...m.segments, m.trailer]),
      g.trailer,
    ]),
    ours.trailer,
  ];
  expect(oracle).toEqual(all.map(asArrays));
  // The counts, as node-edifact saw the segments.
  let inMessage = 0;
  let messages = 0;
  for (const segment of oracle) {
    if (segment.name === 'UNH') inMessage = 0;
    inMessage += 1;
    if (segment.name === 'UNT') {
      messages += 1;
      expect(segment.elements[0]).toEqual([String(inMessage)]);
    }
  }
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
