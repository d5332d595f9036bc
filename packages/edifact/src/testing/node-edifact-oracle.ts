// The third-party oracle: node-edifact (the `edifact` npm package, CommonJS, parse only, a
// devDependency of this package). The tests of @passerelle/edifact and @passerelle/tdfc check
// that it cuts what we write into the same segments, and the benches measure against it.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Charset } from '../charsets';
import { componentsOf, isRepetitions, type Segment } from '../segment';

/** A segment as node-edifact gives it: its tag and each element's components. */
export interface OracleSegment {
  name: string;
  elements: string[][];
}

interface NodeEdifactParser {
  encoding(level: string): void;
  write(chunk: string): void;
  end(): void;
  onopensegment(name: string): void;
  onelement(): void;
  oncomponent(value: string): void;
  onclosesegment(): void;
}

const require = createRequire(import.meta.url);
const nodeEdifact = require('edifact') as {
  Parser: new () => NodeEdifactParser;
  Reader: new (options?: { autoDetectEncoding?: boolean }) => {
    parse(document: string): OracleSegment[];
  };
};

/**
 * node-edifact does not know UNOL: teach it Latin-9 as Unicode ranges (end excluded), as found
 * in docs/stack.md: printable ASCII, Latin-1 upper half, Œœ Šš Ÿ Žž €. Idempotent.
 */
function teachUnol(): void {
  const configuration = require('edifact/configuration.js') as {
    charsets: Record<string, number[][]>;
  };
  configuration.charsets.UNOL ??= [
    [32, 127],
    [160, 256],
    [338, 340],
    [352, 354],
    [376, 377],
    [381, 383],
    [8364, 8365],
  ];
}

/** node-edifact's event parser, without its (partial, number-rewriting) validator. */
export function parseWithOracle(text: string, charset: Charset = 'UNOC'): OracleSegment[] {
  if (charset === 'UNOL') teachUnol();
  const parser = new nodeEdifact.Parser();
  parser.encoding(charset);
  const segments: OracleSegment[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  parser.onopensegment = (name) => segments.push({ name, elements: (elements = []) });
  parser.onelement = () => elements.push((components = []));
  parser.oncomponent = (value) => components.push(value);
  parser.onclosesegment = () => undefined;
  parser.write(text);
  parser.end();
  return segments;
}

/** node-edifact's Reader (its whole-document API, validator included), on `text`. */
export function readWithOracleReader(
  text: string,
  options: { autoDetectEncoding?: boolean } = {},
): OracleSegment[] {
  if (options.autoDetectEncoding) teachUnol();
  return new nodeEdifact.Reader(options).parse(text);
}

/** The bytes as text, decoded by Node (not by our codec): Latin-9 for UNOL, else Latin-1. */
export function decodeWithNode(data: Uint8Array, charset: Charset): string {
  return charset === 'UNOL'
    ? new TextDecoder('iso-8859-15').decode(data)
    : Buffer.from(data).toString('latin1');
}

/** A segment of ours as node-edifact gives it (repetitions, which it does not know, as none). */
export function asComponentArrays(segment: Segment): OracleSegment {
  return {
    name: segment.tag,
    elements: segment.elements.map((e) => (isRepetitions(e) ? [] : [...componentsOf(e)])),
  };
}

/**
 * Checks that each UNT's segment count agrees with the segments node-edifact read in its
 * message (UNH to UNT); returns how many messages it saw.
 */
export function expectOracleUntCounts(oracle: readonly OracleSegment[]): number {
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
  return messages;
}
