// CONTRL: the ISO 9735 layout written, read back exactly (property test), and described in French.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfentError } from '../infent/infent-error';
import {
  writeContrl,
  type ContrlLevelError,
  type ContrlMessageReport,
  type ContrlReport,
} from './contrl';
import { readContrl } from './contrl-read';
import type { ReturnsEnvelope } from './returns-envelope';
import { parseReturn } from '../testing/returns';

const ENVELOPE: ReturnsEnvelope = {
  sender: 'DGI_EDI_TDFC',
  recipient: ['73282932000074', '5', 'I'],
  controlReference: 'CT000000000001',
  preparedAt: new Date('2025-05-02T10:00:00Z'),
  test: true,
};

const SUBJECT = {
  controlReference: '25031409300001',
  sender: ['73282932000074', '5', 'I'],
  recipient: ['1234567', '146'],
};

describe('writeContrl / readContrl', () => {
  it('writes UCI, UCM, UCS and UCD per ISO 9735, and reads them back', () => {
    const report: ContrlReport = {
      interchange: SUBJECT,
      action: '4',
      groups: [],
      messages: [
        {
          reference: '00001',
          type: ['INFENT', 'D', '00B', 'UN', 'FD2501'],
          action: '4',
          segments: [
            { position: 7, elements: [{ code: '21', element: 4, component: 1 }] },
            { position: 12, code: '13', elements: [] },
          ],
        },
      ],
    };
    const text = writeContrl(ENVELOPE, report);
    expect(text).toBe(
      "UNA:+,? 'UNB+UNOL:3+DGI_EDI_TDFC+73282932000074:5:I+250502:1200+CT000000000001++++++1'" +
        "UNH+00001+CONTRL:D:3:UN'UCI+25031409300001+73282932000074:5:I+1234567:146+4'" +
        "UCM+00001+INFENT:D:00B:UN:FD2501+4'UCS+7'UCD+21+4:1'UCS+12+13'UNT+7+00001'" +
        "UNZ+1+CT000000000001'",
    );
    expect(parseReturn(text).messages[0]?.type).toBe('CONTRL');
    const read = readContrl(text);
    expect(read.report).toEqual(report);
    expect(read.errors.map((e) => e.message)).toEqual([
      'Message 00001, segment 7 : erreur de syntaxe 21 (caractère invalide) : élément 4, composant 1.',
      'Message 00001, segment 12 : erreur de syntaxe 13 (élément ou segment obligatoire absent).',
    ]);
    expect(read.errors.every((e) => e.level === 'syntax' && e.severity === 'rejet')).toBe(true);
  });

  it('writes a positive CONTRL (action 7, no error) too', () => {
    const report: ContrlReport = { interchange: SUBJECT, action: '7', groups: [], messages: [] };
    const read = readContrl(writeContrl(ENVELOPE, report));
    expect(read.report).toEqual(report);
    expect(read.errors).toEqual([]);
  });

  it('refuses what is not a CONTRL', () => {
    expect(() => readContrl('UNA')).toThrow(InfentError);
    const text = writeContrl(ENVELOPE, {
      interchange: SUBJECT,
      action: '4',
      groups: [],
      messages: [],
    });
    expect(() => readContrl(text.replace("+4'", "+9'"))).toThrow(/action \(0083\) invalide/);
    expect(() => readContrl(text.replace('UCI+', 'UCX+'))).toThrow(/UCI attendu/);
  });
});

const value = fc.stringMatching(/^[A-Za-z0-9 :+'?,.éœ€-]{1,14}$/);
const components = fc.array(value, { minLength: 1, maxLength: 3 });
const position = fc.integer({ min: 1, max: 99_999 });
const code = fc.constantFrom('2', '7', '12', '13', '21', '25', '28', '29');
const levelError: fc.Arbitrary<ContrlLevelError | undefined> = fc.option(
  fc.oneof(
    fc.record({ code }),
    fc.record({ code, tag: fc.stringMatching(/^UN[A-Z]$/) }),
    fc.record({ code, tag: fc.stringMatching(/^UN[A-Z]$/), element: position }),
    fc.record({ code, element: position, component: position }),
  ),
  { nil: undefined },
);
const withError = <T extends object>(base: T, error: ContrlLevelError | undefined) =>
  error ? { ...base, error } : base;
const action = fc.constantFrom('4' as const, '7' as const, '8' as const);

const messageReport: fc.Arbitrary<ContrlMessageReport> = fc
  .record({
    reference: value,
    type: components,
    action,
    error: levelError,
    segments: fc.array(
      fc.record({
        position,
        code: fc.option(code, { nil: undefined }),
        elements: fc.array(
          fc.oneof(
            fc.record({ code, element: position }),
            fc.record({ code, element: position, component: position }),
          ),
          { maxLength: 2 },
        ),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ error, segments, ...rest }) =>
    withError(
      { ...rest, segments: segments.map(({ code: c, ...s }) => (c ? { ...s, code: c } : s)) },
      error,
    ),
  );

const reportArbitrary: fc.Arbitrary<ContrlReport> = fc
  .record({
    interchange: fc.record({ controlReference: value, sender: components, recipient: components }),
    action,
    error: levelError,
    grouped: fc.boolean(),
    groups: fc.array(
      fc
        .record({
          reference: value,
          sender: components,
          recipient: components,
          action,
          error: levelError,
          messages: fc.array(messageReport, { maxLength: 2 }),
        })
        .map(({ error, ...group }) => withError(group, error)),
      { maxLength: 2 },
    ),
    messages: fc.array(messageReport, { maxLength: 3 }),
  })
  .map(({ error, grouped, groups, messages, ...rest }) =>
    withError({ ...rest, groups: grouped ? groups : [], messages: grouped ? [] : messages }, error),
  );

describe('CONTRL round trip (property)', () => {
  it('readContrl(writeContrl(report)).report equals the report', () => {
    fc.assert(
      fc.property(reportArbitrary, (report) => {
        expect(readContrl(writeContrl(ENVELOPE, report)).report).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });
});
