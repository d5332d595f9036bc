// Third-party check, as for the INFENT-DF (infent/infent-oracle.test.ts): node-edifact (the
// `edifact` package, a devDependency of packages/edifact) cuts our CONTRL and CR into the same
// segments as @passerelle/edifact, and its UNT/UNZ counts agree with what it read. It knows
// UNOC, not UNOL: the text is given as Latin-1 (the eight Latin-9 letters become other bytes,
// which does not move any separator).
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { componentsOf, isRepetitions, type Segment } from '@passerelle/edifact';
import { describe, expect, it } from 'vitest';
import { simplified, formOf } from '../fixtures/test-helpers';
import { IDENTIFICATION_FORM } from '../model';
import { processDeposit } from './process-deposit';
import { EXPECT, depositOf, edited, parseReturn, returnBytes } from './test-support';

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

function parseWithOracle(text: string): OracleSegment[] {
  const parser = new Parser();
  parser.encoding('UNOC');
  const segments: OracleSegment[] = [];
  let components: string[] = [];
  parser.onopensegment = (name) => segments.push({ name, elements: [] });
  parser.onelement = () => {
    components = [];
    segments.at(-1)?.elements.push(components);
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

/** A string of a Latin-9 text as node-edifact sees it when the bytes are read as Latin-1. */
const seenAsLatin1 = (value: string): string => Buffer.from(returnBytes(value)).toString('latin1');

function checkWithOracle(text: string): void {
  const oracle = parseWithOracle(seenAsLatin1(text));
  const ours = parseReturn(text);
  const all = [
    ours.header,
    ...ours.messages.flatMap((m) => [m.header, ...m.segments, m.trailer]),
    ours.trailer,
  ];
  expect(oracle).toEqual(
    all.map(asArrays).map(({ name, elements }) => ({
      name,
      elements: elements.map((components) => components.map(seenAsLatin1)),
    })),
  );
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
