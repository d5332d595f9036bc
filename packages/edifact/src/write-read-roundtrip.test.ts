import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Charset } from './charsets';
import { readInterchange } from './interchange-read';
import {
  writeInterchange,
  type MessageInput,
  type WriteInterchangeInput,
} from './interchange-write';
import type { Element, ElementValue } from './segment';
import {
  DEFAULT_SERVICE_CHARS,
  defaultServiceChars,
  sameServiceChars,
  type ServiceChars,
} from './service-chars';
import { DGFIP_CHARS } from './testing/sample-interchange';

const POOLS: Record<Charset, string> = {
  UNOA: 'ABCZ 09.,-()/=\'+:?!"%&*;<>_',
  UNOB: 'AZaz 09.,-()/=\'+:?!"%&*;<>_',
  UNOC: 'Aaé àÿ¤½09,.\'+:?*~! "',
  UNOL: 'Aaé €ŒœŠžŸ09,.\'+:?*~! "',
};
const CHARS: readonly ServiceChars[] = [
  DEFAULT_SERVICE_CHARS,
  DGFIP_CHARS,
  { component: '*', element: '~', decimal: ',', release: '!', repetition: ' ', segment: '"' },
];

/** Random interchanges of one charset, syntax version and set of service characters. */
function inputsOf(
  charset: Charset,
  version: string,
  base: ServiceChars,
): fc.Arbitrary<WriteInterchangeInput> {
  const v4 = version === '4';
  const chars = v4 ? { ...base, repetition: base.component === '*' ? '^' : '*' } : base;
  const value = fc.string({ unit: fc.constantFrom(...POOLS[charset]), maxLength: 6 });
  const elementValue: fc.Arbitrary<ElementValue> = fc.oneof(
    value,
    fc.array(value, { minLength: 2, maxLength: 3 }),
  );
  const repeated = fc
    .array(elementValue, { minLength: 2, maxLength: 3 })
    .map((repetitions) => ({ repetitions }));
  const element: fc.Arbitrary<Element> = v4 ? fc.oneof(elementValue, repeated) : elementValue;
  const reference = fc.stringMatching(/^[A-Z0-9]{1,14}$/);
  const segment = fc.record({
    tag: fc.stringMatching(/^[A-Z0-9]{3}$/).filter((t) => !t.startsWith('UN')),
    elements: fc.array(element, { maxLength: 5 }),
  });
  const message: fc.Arbitrary<MessageInput> = fc.record({
    reference,
    type: fc.constantFrom<Element>('INFENT', ['INFENT', 'D', '00B', 'UN']),
    segments: fc.array(segment, { maxLength: 6 }),
  });
  const messages = fc.array(message, { maxLength: 4 });
  const dateTime = fc.constant(['250314', '0930']);
  const ung = fc.record({
    identification: value.filter((v) => v !== ''),
    sender: element,
    recipient: element,
    dateTime,
    reference,
  });
  const mustHaveUna = !sameServiceChars(chars, defaultServiceChars(version));
  return fc
    .record({
      syntax: fc.constant({ identifier: charset, version }),
      serviceChars: fc.constant(chars),
      una: mustHaveUna ? fc.constant(true) : fc.boolean(),
      lineBreaks: fc.boolean(),
      unb: fc.record({
        sender: element,
        recipient: element,
        dateTime,
        controlReference: reference,
        testIndicator: fc.boolean(),
      }),
      groups: fc.option(fc.array(fc.record({ ung, messages }), { maxLength: 3 }), {
        nil: undefined,
      }),
      messages,
    })
    .map(({ groups, messages, ...rest }) => (groups ? { ...rest, groups } : { ...rest, messages }));
}

/** Every charset × syntax version × service characters, built once (building is the slow part). */
const INPUTS = fc.oneof(
  ...(['UNOA', 'UNOB', 'UNOC', 'UNOL'] as const).flatMap((charset) =>
    ['3', '4'].flatMap((version) => CHARS.map((chars) => inputsOf(charset, version, chars))),
  ),
);

describe('write → read round trip (property)', () => {
  it('reads back the same messages and segments for random interchanges', () => {
    fc.assert(
      fc.property(INPUTS, (input) => {
        const interchange = readInterchange(writeInterchange(input));
        const written = input.groups
          ? input.groups.flatMap((g) => g.messages)
          : (input.messages ?? []);
        expect(interchange.syntax).toEqual(input.syntax);
        // An empty list of groups writes no UNG at all: it reads back as "not grouped".
        expect(interchange.groups?.length ?? 0).toBe(input.groups?.length ?? 0);
        expect(interchange.header.elements[4]).toBe(input.unb.controlReference);
        expect(interchange.messages.map((m) => m.reference)).toEqual(
          written.map((m) => m.reference),
        );
        expect(
          interchange.messages.map((m) =>
            m.segments.map(({ tag, elements }) => ({ tag, elements })),
          ),
        ).toEqual(written.map((m) => m.segments));
      }),
      { numRuns: 2000 },
    );
  });
});
