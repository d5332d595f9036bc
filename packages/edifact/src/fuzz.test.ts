import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInterchange } from './interchange-write';
import { DEFAULT_SERVICE_CHARS_V4 } from './service-chars';
import { readOutcome, split, streamOutcome } from './testing/collect';
import { bytes, sampleInput } from './testing/sample-interchange';

/** Valid interchanges to mutate: the DGFiP-like one, bare messages, custom UNA, version 4, CR LF. */
const BASES: readonly Uint8Array[] = [
  writeInterchange(sampleInput(2, 3)),
  writeInterchange({ ...sampleInput(2, 1), lineBreaks: true }),
  bytes(
    "UNB+UNOA:3+S+R+250314:0930+7'UNH+1+INVOIC:D:96A:UN'BGM+380+A?+B'UNT+3+1'UNH+2+X'UNT+2+2'UNZ+2+7'",
  ),
  bytes('UNA*~,! "UNB~UNOB*3~S~R~250314*0930~X"UNH~1~INFENT*D"FTX~a!~b*c!*d!!"UNT~3~1"UNZ~1~X"'),
  writeInterchange({
    syntax: { identifier: 'UNOC', version: '4' },
    serviceChars: DEFAULT_SERVICE_CHARS_V4,
    unb: { sender: 'S', recipient: 'R', dateTime: ['20250314', '0930'], controlReference: 'X' },
    messages: [
      {
        reference: '1',
        type: 'T',
        segments: [{ tag: 'RFF', elements: [{ repetitions: ['A', 'B*C'] }, 'é'] }],
      },
    ],
  }),
];

/** Bytes that matter to the syntax, more often than chance would pick them. */
const INTERESTING = bytes('\'+:?*~!" \r\nUNAUNBUNGUNEUNHUNTUNZ0123456789,.').reduce<number[]>(
  (all, b) => (all.includes(b) ? all : [...all, b]),
  [0x00, 0x80, 0xa4, 0xff],
);

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; byte: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const byte = fc.oneof(fc.constantFrom(...INTERESTING), fc.integer({ min: 0, max: 255 }));
const at = fc.nat(1_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, byte }),
  fc.record({ kind: fc.constant('insert' as const), at, byte }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at,
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
);

function mutate(data: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Uint8Array.from(data);
  for (const m of mutations) {
    const i = out.length === 0 ? 0 : m.at % (out.length + 1);
    const before = out.subarray(0, i);
    switch (m.kind) {
      case 'flip':
        if (i < out.length) out[i] = m.byte;
        break;
      case 'insert':
        out = Uint8Array.from([...before, m.byte, ...out.subarray(i)]);
        break;
      case 'delete':
        out = Uint8Array.from([...before, ...out.subarray(i + m.length)]);
        break;
      case 'duplicate':
        out = Uint8Array.from([...out.subarray(0, i + m.length), ...out.subarray(i)]);
        break;
      case 'truncate':
        out = out.slice(0, i);
        break;
    }
  }
  return out;
}

describe('hostile input (fuzz)', () => {
  it('only ever throws EdifactError on mutated interchanges, and the stream agrees with readInterchange', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(BASES.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(1_000), { maxLength: 4 }),
        async (base, mutations, cuts) => {
          const data = mutate(BASES[base]!, mutations);
          const whole = readOutcome(data, { maxSegmentLength: 300 }); // rethrows anything but EdifactError
          if (!whole.ok) refused += 1;
          const { events: _events, ...streamed } = await streamOutcome(
            split(
              data,
              cuts.map((c) => c % (data.length + 1)),
            ),
            { maxSegmentLength: 300 },
          );
          expect(streamed).toEqual(whole);
        },
      ),
      { numRuns: 20_000 },
    );
    // The mutations must exercise the refusals, not only harmless corners.
    expect(refused).toBeGreaterThan(15_000);
  });

  it('only ever throws EdifactError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (random, withHeader) => {
        const data = withHeader
          ? Uint8Array.from([...bytes("UNA:+.? 'UNB+UNOC:3+S+R+1:2+X'"), ...random])
          : random;
        const outcome = readOutcome(data);
        expect(outcome.ok).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });
});
