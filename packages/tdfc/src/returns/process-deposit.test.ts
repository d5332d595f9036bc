// The simulated DGFiP's decision, check 4 side: accepted, accepted with alerts, partially
// rejected, rejected; the CR says the same as the JSON errors and reads back.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/fixtures';
import { formOf, simplified } from '../testing/declarations';
import { IDENTIFICATION_FORM } from '../model';
import { readInfentCr } from './infent-cr-read';
import { campaignAt, processDeposit, type DgfipOutcome } from './process-deposit';
import { EXPECT, depositOf, edited, parseReturn } from '../testing/returns';

/** The outcome of a CR, failing when the deposit was syntax-rejected. */
function crOf(outcome: DgfipOutcome): Extract<DgfipOutcome, { cr: string }> {
  if (!('cr' in outcome)) throw new Error(`CR attendu, ${outcome.kind} : ${outcome.contrl}`);
  return outcome;
}

describe('processDeposit: integrability (INFENT CR)', () => {
  it('accepts a clean declaration with a CR whose status reads ACC', () => {
    for (const name of ['liasseSimplifiee', 'reelNormal'] as const) {
      const outcome = crOf(processDeposit(depositOf(readFixture(name)), EXPECT));
      expect(outcome.kind).toBe('accepted');
      expect(outcome.errors).toEqual([]);
      const read = readInfentCr(outcome.cr);
      expect(read.status).toBe('ACC');
      expect(read.outcome).toBe('accepted');
      expect(read.reports).toHaveLength(1);
      const [report] = read.reports;
      expect(report?.original).toEqual({ interchange: '25031409300001', message: '00001' });
      expect(report?.documentReference).toBe('25031409300001-00001');
      expect(report?.siren).toBe(readFixture(name).siren);
      expect(report?.exercise).toEqual(readFixture(name).exercise);
      expect(report?.processedOn).toBe('2025-05-02');
      // Addressed back to the deposit's sender, in its test mode.
      expect(read.envelope.sender).toBe('DGI_EDI_TDFC');
      expect(read.envelope.recipient).toEqual(['73282932000074', '5', 'I']);
      expect(read.envelope.test).toBe(true);
      expect(parseReturn(outcome.cr).messages[0]?.type).toBe('INFENT');
    }
  });

  it('accepts with alerte lines a declaration that has warnings only', () => {
    const declaration = simplified((d) => {
      delete formOf(d, IDENTIFICATION_FORM).KD; // no ROF: a warning
    });
    const outcome = crOf(processDeposit(depositOf(declaration), EXPECT));
    expect(outcome.kind).toBe('accepted');
    expect(outcome.errors).toEqual([
      {
        level: 'integrability',
        severity: 'alerte',
        code: 'identif.rof',
        form: IDENTIFICATION_FORM,
        cell: 'KD',
        occurrence: 1,
        label: expect.any(String),
        message: expect.stringMatching(/^Formulaire F-IDENTIF, case KD .*ROF\) absente\.$/),
      },
    ]);
    const read = readInfentCr(outcome.cr);
    expect(read.status).toBe('ACC');
    expect(read.errors).toEqual(outcome.errors);
  });

  it('partially rejects a declaration whose blocking error is inside one annex form', () => {
    const declaration = simplified((d) => {
      formOf(d, '2033A').AA = -5; // capital souscrit non appelé: not signed
    });
    const outcome = crOf(processDeposit(depositOf(declaration), EXPECT));
    expect(outcome.kind).toBe('partially_rejected');
    const rejets = outcome.errors.filter((e) => e.severity === 'rejet');
    expect(rejets).toEqual([
      expect.objectContaining({
        code: 'value.negative',
        form: '2033A',
        cell: 'AA',
        occurrence: 1,
        message: expect.stringMatching(/^Formulaire 2033-A, case AA \(.+\) : montant négatif/),
      }),
    ]);
    const read = readInfentCr(outcome.cr);
    expect(read.status).toBe('RJP');
    expect(read.errors).toEqual(outcome.errors);
  });

  it('partially rejects a datum the reader refuses in an annex form, and integrates the rest', () => {
    // An unknown code of 2033-B: the datum is dropped, 2033-B rejected, nothing else.
    const bytes = edited(depositOf(simplified()), (text) =>
      text.replace(/IND\+2033B {5}2500010001(\w\w)MOA/, 'IND+2033B     2500010001Z9MOA'),
    );
    const outcome = crOf(processDeposit(bytes, EXPECT));
    expect(outcome.kind).toBe('partially_rejected');
    expect(outcome.errors[0]).toEqual(
      expect.objectContaining({
        code: 'cell.unknown',
        form: '2033B',
        cell: 'Z9',
        severity: 'rejet',
      }),
    );
    expect(outcome.errors[0]?.message).toMatch(
      /^Formulaire 2033-B, case Z9 : case inconnue du millésime 25/,
    );
  });

  it('rejects a declaration holding a form unknown to its millésime', () => {
    const bytes = edited(depositOf(simplified()), (text) =>
      text.replace(/IND\+2033E {5}2500010001/, 'IND+2033Q     2500010001'),
    );
    const outcome = crOf(processDeposit(bytes, EXPECT));
    expect(outcome.kind).toBe('rejected');
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        code: 'form.unknown',
        form: '2033Q',
        cell: null,
        message: expect.stringMatching(
          /^Formulaire 2033-Q : formulaire inconnu du millésime 25 \(segment \d+ du message\)\.$/,
        ),
      }),
    ]);
  });

  it('rejects a declaration whose SIREN is invalid', () => {
    const declaration = simplified((d) => {
      d.siren = '843217655'; // Luhn key broken
      const aa = formOf(d, IDENTIFICATION_FORM).AA;
      if (aa && typeof aa === 'object' && !Array.isArray(aa)) aa.id = '843217655';
    });
    const outcome = crOf(processDeposit(depositOf(declaration), EXPECT));
    expect(outcome.kind).toBe('rejected');
    expect(outcome.errors).toContainEqual(
      expect.objectContaining({
        code: 'siren.invalid',
        form: IDENTIFICATION_FORM,
        severity: 'rejet',
      }),
    );
    const read = readInfentCr(outcome.cr);
    expect(read.status).toBe('RJT');
    expect(read.reports[0]?.siren).toBe('843217655');
  });

  it('rejects a valid SIREN the DGFiP register does not know, and only that one', () => {
    const declaration = readFixture('liasseSimplifiee');
    const unknown = (siren: string) => siren !== declaration.siren;
    const outcome = crOf(
      processDeposit(depositOf(declaration), { ...EXPECT, isKnownSiren: unknown }),
    );
    expect(outcome.kind).toBe('rejected');
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({
      severity: 'rejet',
      code: 'identif.siren-unknown',
      form: IDENTIFICATION_FORM,
      label: 'SIREN',
    });
    expect(outcome.errors[0]?.message).toMatch(/^SIREN \d{3} \d{3} \d{3} inconnu du répertoire/);
    expect(readInfentCr(outcome.cr).status).toBe('RJT');
    const known = crOf(
      processDeposit(depositOf(declaration), { ...EXPECT, isKnownSiren: () => true }),
    );
    expect(known.kind).toBe('accepted');
  });

  it('rejects forms of a millésime outside the campaign (control 012)', () => {
    const bytes = edited(depositOf(simplified()), (text) =>
      text.replace(/(IND\+.{10})25/g, '$122'),
    );
    const outcome = crOf(processDeposit(bytes, EXPECT));
    expect(outcome.kind).toBe('rejected');
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        code: '012',
        severity: 'rejet',
        message: expect.stringMatching(/millésime 22 hors de la campagne 2025/),
      }),
    ]);
    expect(readInfentCr(outcome.cr).status).toBe('RJT');
  });

  it('rejects a declaration on the forms of another millésime than its closing date’s', () => {
    // Closing 31/12/2024 files the 25 forms; the same forms declared as 24 are refused.
    const bytes = edited(depositOf(simplified()), (text) =>
      text.replace(/(IND\+.{10})25/g, '$124'),
    );
    const outcome = crOf(processDeposit(bytes, EXPECT));
    expect(outcome.kind).toBe('rejected');
    expect(
      outcome.errors.some((e) => e.severity === 'rejet' && e.form === IDENTIFICATION_FORM),
    ).toBe(true);
  });

  it('gives one CR message per declaration and RJP when one of two is rejected', () => {
    const bad = simplified((d) => {
      d.siren = '843217655';
      const aa = formOf(d, IDENTIFICATION_FORM).AA;
      if (aa && typeof aa === 'object' && !Array.isArray(aa)) aa.id = '843217655';
    });
    const outcome = crOf(processDeposit(depositOf(simplified(), bad), EXPECT));
    expect(outcome.kind).toBe('partially_rejected');
    const read = readInfentCr(outcome.cr);
    expect(read.reports.map((r) => [r.original.message, r.status])).toEqual([
      ['00001', 'ACC'],
      ['00002', 'RJT'],
    ]);
  });
});

describe('campaignAt', () => {
  it('picks the campaign in force, else the newest shipped', () => {
    expect(campaignAt(new Date('2025-05-02T00:00:00Z'))).toBe('2025');
    expect(campaignAt(new Date('2026-11-29T00:00:00Z'))).toBe('2025');
    expect(campaignAt(new Date('2020-01-01T00:00:00Z'))).toBe('2025');
  });
});
