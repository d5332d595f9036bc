// The INFENT CR layout: what writeInfentCr writes, readInfentCr reads back exactly (property
// test over reports with service characters, accents, long texts, absent facts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfentError } from '../infent/infent-error';
import { normalizeCrReport, overallStatus, writeInfentCr, type InfentCrReport } from './infent-cr';
import { readInfentCr } from './infent-cr-read';
import { normalizeReturnError, toReturnText, type ReturnError } from './return-error';
import type { ReturnsEnvelope } from './returns-envelope';
import { parseReturn } from '../testing/returns';

const ENVELOPE: ReturnsEnvelope = {
  sender: 'DGI_EDI_TDFC',
  recipient: ['73282932000074', '5', 'I'],
  controlReference: 'CR000000000001',
  preparedAt: new Date('2025-05-02T22:30:00Z'), // 3 May in Paris
  test: false,
};

const ERROR: ReturnError = {
  level: 'integrability',
  severity: 'rejet',
  code: 'value.negative',
  form: '2033A',
  cell: 'AA',
  occurrence: 1,
  label: 'Capital souscrit non appelé',
  message: 'Formulaire 2033-A, case AA (Capital souscrit non appelé) : montant négatif interdit.',
};

const REPORT: InfentCrReport = {
  status: 'RJP',
  documentReference: '25031409300001-00001',
  original: { interchange: '25031409300001', message: '00001' },
  siren: '843217654',
  exercise: { start: '2024-01-01', end: '2024-12-31' },
  errors: [ERROR, { ...ERROR, severity: 'alerte', code: 'total.2033A', cell: null, label: null }],
};

describe('writeInfentCr / readInfentCr', () => {
  it('writes the documented layout', () => {
    const text = writeInfentCr(ENVELOPE, [REPORT]);
    expect(text).toBe(
      "UNA:+,? 'UNB+UNOL:3+DGI_EDI_TDFC+73282932000074:5:I+250503:0030+CR000000000001'" +
        "UNH+00001+INFENT:D:00B:UN:CR2501'BGM+CRT:71:211+25031409300001-00001++RJP'" +
        "DTM+137:20250503:102'RFF+ACW:25031409300001:00001'NAD+DT+843217654:100:107'" +
        "DTM+194:20240101:102'DTM+206:20241231:102'" +
        "SEQ+1'ERC+value.negative:REJET'RFF+ZZZ:2033A:1'FTX+ACB++AA+Capital souscrit non appelé'" +
        "FTX+AAO+++Formulaire 2033-A, case AA (Capital souscrit non appelé) ?: montant négatif interdit.+FR'" +
        "SEQ+2'ERC+total.2033A:ALERTE'RFF+ZZZ:2033A:1'" +
        "FTX+AAO+++Formulaire 2033-A, case AA (Capital souscrit non appelé) ?: montant négatif interdit.+FR'" +
        "UNT+17+00001'UNZ+1+CR000000000001'",
    );
    expect(parseReturn(text).messages).toHaveLength(1);
  });

  it('reads back what it wrote, with the processing date and the overall status', () => {
    const second: InfentCrReport = {
      ...REPORT,
      status: 'ACC',
      original: { interchange: '25031409300001', message: '00002' },
      errors: [],
    };
    const read = readInfentCr(writeInfentCr(ENVELOPE, [REPORT, second]));
    expect(read.reports).toEqual([
      { ...REPORT, reference: '00001', processedOn: '2025-05-03' },
      { ...second, reference: '00002', processedOn: '2025-05-03' },
    ]);
    expect(read.status).toBe('RJP');
    expect(read.outcome).toBe('partially_rejected');
    expect(read.errors).toEqual(REPORT.errors);
    expect(read.envelope).toEqual({
      sender: 'DGI_EDI_TDFC',
      recipient: ['73282932000074', '5', 'I'],
      controlReference: 'CR000000000001',
      preparedAt: { date: '250503', time: '0030' },
      test: false,
    });
  });

  it('writes a report whose message could not be read (no SIREN, no dates)', () => {
    const unread: InfentCrReport = {
      status: 'RJT',
      documentReference: null,
      original: { interchange: 'X', message: '1' },
      siren: null,
      exercise: { start: null, end: null },
      errors: [{ ...ERROR, form: null, cell: null, occurrence: null, label: null }],
    };
    const [read] = readInfentCr(writeInfentCr(ENVELOPE, [unread])).reports;
    expect(read).toEqual({ ...unread, reference: '00001', processedOn: '2025-05-03' });
  });

  it('makes texts sendable: typographic characters replaced, long messages cut at 2,560', () => {
    const odd = normalizeReturnError({
      ...ERROR,
      message: `l’exercice — « ok »\n${'x'.repeat(3000)}`,
      label: '  ',
      cell: '',
      occurrence: 0,
    });
    expect(odd.message.startsWith("l'exercice - « ok » xxx")).toBe(true);
    expect(odd.message).toHaveLength(2560);
    expect(odd.message.endsWith('...')).toBe(true);
    expect(odd.label).toBeNull();
    expect(odd.cell).toBeNull();
    expect(odd.occurrence).toBeNull();
    expect(toReturnText('日本')).toBe('??');
  });

  it('refuses a text that is not a CR, with an InfentError', () => {
    expect(() => readInfentCr('bonjour')).toThrow(InfentError);
    const bad = writeInfentCr(ENVELOPE, [REPORT]).replace('++RJP', '++XYZ');
    expect(() => readInfentCr(bad)).toThrow(/statut « XYZ » inconnu/);
    const noSeq = writeInfentCr(ENVELOPE, [REPORT]).replace("SEQ+2'", "SEQ+3'");
    expect(() => readInfentCr(noSeq)).toThrow(/ligne d’erreur 2 attendue/);
  });

  it('computes the overall status', () => {
    expect(overallStatus(['ACC', 'ACC'])).toBe('ACC');
    expect(overallStatus(['RJT', 'RJT'])).toBe('RJT');
    expect(overallStatus(['ACC', 'RJT'])).toBe('RJP');
    expect(overallStatus(['RJP'])).toBe('RJP');
    expect(overallStatus([])).toBe('RJT');
  });
});

// Texts with the service characters, the release character, accents, Latin-9 letters, and
// characters that normalisation replaces.
const ALPHABET = [..."abcXYZ019 :+'?,.-éèàçœŒ€«»’\n"];
const text = (maxLength: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { maxLength }).map((chars) => chars.join(''));
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const errorArbitrary: fc.Arbitrary<ReturnError> = fc.record({
  level: fc.constant('integrability' as const),
  severity: fc.constantFrom('rejet' as const, 'alerte' as const),
  code: text(20),
  form: nullable(text(12)),
  cell: nullable(text(4)),
  occurrence: nullable(fc.integer({ min: -1, max: 9999 })),
  label: nullable(text(700)),
  message: text(1400),
});

const reportArbitrary: fc.Arbitrary<InfentCrReport> = fc.record({
  status: fc.constantFrom('ACC' as const, 'RJP' as const, 'RJT' as const),
  documentReference: nullable(text(40)),
  original: fc.record({ interchange: text(16), message: text(8) }),
  siren: nullable(text(12)),
  exercise: fc.record({
    start: nullable(fc.oneof(isoDate, text(10))),
    end: nullable(fc.oneof(isoDate, text(10))),
  }),
  errors: fc.array(errorArbitrary, { maxLength: 4 }),
});

describe('INFENT CR round trip (property)', () => {
  it('readInfentCr(writeInfentCr(reports)) gives the normalised reports exactly', () => {
    fc.assert(
      fc.property(fc.array(reportArbitrary, { minLength: 1, maxLength: 3 }), (reports) => {
        const read = readInfentCr(writeInfentCr(ENVELOPE, reports));
        const normalized = reports.map(normalizeCrReport);
        expect(read.reports.map(({ reference: _r, processedOn: _p, ...report }) => report)).toEqual(
          normalized,
        );
        // Normalising is idempotent: what was read writes the same text again.
        expect(normalized.map(normalizeCrReport)).toEqual(normalized);
      }),
      { numRuns: 300 },
    );
  });
});
