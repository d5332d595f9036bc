// Third-party oracle: node-edifact (the `edifact` npm package, CommonJS, parse only) must read
// what writeInterchange writes into the same segments, elements and components.
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Charset } from './charsets';
import { readInterchange } from './interchange-read';
import { writeInterchange, type MessageInput } from './interchange-write';
import type { ElementValue } from './segment';
import { DEFAULT_SERVICE_CHARS, type ServiceChars } from './service-chars';
import { allSegments, asComponentArrays } from './testing/collect';
import { DGFIP_CHARS, sampleInput } from './testing/sample-interchange';

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
const { Parser, Reader } = require('edifact') as {
  Parser: new () => OracleParser;
  Reader: new (options?: { autoDetectEncoding?: boolean }) => {
    parse(document: string): OracleSegment[];
  };
};
// node-edifact does not know UNOL: teach it Latin-9 as Unicode ranges (end excluded), as found
// in docs/stack.md: printable ASCII, Latin-1 upper half, Œœ Šš Ÿ Žž €.
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

/** The bytes as text, decoded by Node (not by our codec). */
function decodeWithNode(data: Uint8Array, charset: Charset): string {
  return charset === 'UNOL'
    ? new TextDecoder('iso-8859-15').decode(data)
    : Buffer.from(data).toString('latin1');
}

/** node-edifact's event parser, without its (partial, number-rewriting) validator. */
function parseWithOracle(text: string, charset: Charset): OracleSegment[] {
  const parser = new Parser();
  parser.encoding(charset);
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

describe('node-edifact reads what we write', () => {
  it('parses the DGFiP-like UNOL interchange into the same segments (Reader and Parser)', () => {
    const data = writeInterchange(sampleInput(3, 4));
    const ours = allSegments(readInterchange(data)).map(asComponentArrays);
    const text = decodeWithNode(data, 'UNOL');
    const fromReader = new Reader({ autoDetectEncoding: true }).parse(text);
    expect(fromReader).toHaveLength(ours.length);
    expect(parseWithOracle(text, 'UNOL')).toEqual(ours);
    expect(ours.find((s) => s.name === 'BGM')?.elements[1]).toEqual(["D'EXPERTISE + ASSOCIÉS"]);
  });

  const CHARS: readonly ServiceChars[] = [
    DEFAULT_SERVICE_CHARS,
    DGFIP_CHARS,
    { component: '*', element: '~', decimal: ',', release: '!', repetition: ' ', segment: '"' },
  ];
  const value = (set: Charset): fc.Arbitrary<string> =>
    fc.string({
      unit: fc.constantFrom(...(set === 'UNOL' ? 'aZ9 é€Œ\'+:?*~!",.' : 'aZ9 éÿ¤\'+:?*~!",.')),
      maxLength: 6,
    });

  it('agrees on every segment of random interchanges (UNOC, UNOL; syntax version 3)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          ...(['UNOC', 'UNOL'] as const).map((set) => {
            const element: fc.Arbitrary<ElementValue> = fc.oneof(
              value(set),
              fc.array(value(set), { minLength: 2, maxLength: 3 }),
            );
            // node-edifact reads tags of letters only.
            const segment = fc.record({
              tag: fc.stringMatching(/^[A-Z]{3}$/).filter((t) => !t.startsWith('UN')),
              elements: fc.array(element, { maxLength: 5 }),
            });
            const message: fc.Arbitrary<MessageInput> = fc.record({
              reference: fc.stringMatching(/^[0-9]{1,5}$/),
              type: fc.constant(['INFENT', 'D', '00B', 'UN']),
              segments: fc.array(segment, { maxLength: 5 }),
            });
            return fc.record({
              set: fc.constant(set),
              chars: fc.constantFrom(...CHARS),
              messages: fc.array(message, { maxLength: 3 }),
              lineBreaks: fc.boolean(),
            });
          }),
        ),
        ({ set, chars, messages, lineBreaks }) => {
          const data = writeInterchange({
            ...sampleInput(0),
            syntax: { identifier: set, version: '3' },
            serviceChars: chars,
            lineBreaks,
            groups: undefined,
            messages,
          });
          const ours = allSegments(readInterchange(data)).map(asComponentArrays);
          expect(parseWithOracle(decodeWithNode(data, set), set)).toEqual(ours);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
