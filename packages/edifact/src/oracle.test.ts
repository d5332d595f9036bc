// Third-party oracle: node-edifact (the `edifact` npm package, CommonJS, parse only) must read
// what writeInterchange writes into the same segments, elements and components.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Charset } from './charsets';
import { readInterchange } from './interchange-read';
import { writeInterchange, type MessageInput } from './interchange-write';
import type { ElementValue } from './segment';
import { DEFAULT_SERVICE_CHARS, type ServiceChars } from './service-chars';
import { allSegments } from './testing/collect';
import {
  asComponentArrays,
  decodeWithNode,
  parseWithOracle,
  readWithOracleReader,
} from './testing/node-edifact-oracle';
import { DGFIP_CHARS, sampleInput } from './testing/sample-interchange';

describe('node-edifact reads what we write', () => {
  it('parses the DGFiP-like UNOL interchange into the same segments (Reader and Parser)', () => {
    const data = writeInterchange(sampleInput(3, 4));
    const ours = allSegments(readInterchange(data)).map(asComponentArrays);
    const text = decodeWithNode(data, 'UNOL');
    const fromReader = readWithOracleReader(text, { autoDetectEncoding: true });
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
