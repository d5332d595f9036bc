import { describe, expect, it } from 'vitest';
import { formOf, ofRule, rulesFired, simplified, validate } from '../testing/declarations';
import { COHERENCE_RULES } from './rules';

describe('coherence rules on the known-answer liasse (warnings)', () => {
  it('warns when the total of the assets does not add up', () => {
    const anomalies = validate(simplified((d) => (formOf(d, '2033A').AR = 116500)));
    expect(rulesFired(anomalies)).toEqual(['total.2033A.net.CR', 'total.2033A.total-actif.brut']);
    expect(ofRule(anomalies, 'total.2033A.total-actif.brut')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'AR',
        expected: 116000,
        message:
          "2033-A, case AR (Total général de l'actif, brut) : 116500 déclaré, 116000 attendu (AE + AQ) : total général de l'actif (brut) à vérifier.",
      }),
    ]);
  });

  it('checks net = brut − amortissements line by line, absent cells counting as 0', () => {
    const anomalies = validate(simplified((d) => (formOf(d, '2033A').CD = 1500)));
    expect(ofRule(anomalies, 'total.2033A.net.CD').map((a) => a.message)).toContain(
      '2033-A, case CD (Immobilisations financières, net N) : 1500 déclaré, 2000 attendu (AD − BD) : montant net (brut moins amortissements et provisions) à vérifier.',
    );
  });

  it('warns when the liabilities do not add up or the bilan does not balance', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033A').FK = 1000;
        formOf(d, '2033A').FS = 97000;
      }),
    );
    expect(rulesFired(anomalies)).toEqual(['total.2033A.bilan-equilibre']);
    expect(anomalies[0]!.message).toContain('97000 déclaré, 96000 attendu (CR)');
  });

  it('warns when the 2033-B operating totals and result do not add up', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033B').BN = 31000;
      }),
    );
    expect(rulesFired(anomalies)).toEqual(['total.2033B.charges-exploitation']);
    const result = validate(simplified((d) => (formOf(d, '2033B').CB = 2500)));
    expect(rulesFired(result)).toEqual(['total.2033B.resultat']);
    expect(ofRule(result, 'total.2033B.resultat')[0]!.message).toContain(
      '17000 déclaré, 17500 attendu (BW + BX + BY − BZ − CA − CB)',
    );
  });

  it('warns when the 2033-B result differs from the 2033-A one', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033A').FG = 16000;
        formOf(d, '2033A').FJ = 50000;
        formOf(d, '2033A').FS = 95000;
        formOf(d, '2033A').FP = 12000;
        formOf(d, '2033A').FR = 46000;
        formOf(d, '2033A').FS = 96000;
      }),
    );
    expect(rulesFired(anomalies)).toEqual(['total.2033.resultat-bilan']);
    expect(anomalies[0]).toMatchObject({ form: '2033A', code: 'FG', expected: 17000 });
    expect(anomalies[0]!.message).toMatch(
      /^2033-A, case FG \(.+\) : 16000 déclaré, 17000 attendu \(2033B\.CC\)/,
    );
  });

  it('leaves the totals of a form sent néant alone', () => {
    const anomalies = validate(simplified((d) => (d.forms['2033B'] = [{ JB: 'X' }])));
    expect(rulesFired(anomalies)).toEqual([]);
  });

  // 2033-D is sent néant in the fixture: its rules are skipped there (rules/rules.test.ts covers them).
  it.each(
    COHERENCE_RULES.filter((rule) => rule.form.startsWith('2033') && rule.form !== '2033D').map(
      (rule) => [rule.id, rule] as const,
    ),
  )('%s fires on the known-answer liasse when its total is off by one euro', (_id, rule) => {
    const anomalies = validate(
      simplified((d) => {
        const cells = formOf(d, rule.form);
        cells[rule.target] =
          (typeof cells[rule.target] === 'number' ? Number(cells[rule.target]) : 0) + 1;
      }),
    );
    expect(ofRule(anomalies, rule.id)).toContainEqual(
      expect.objectContaining({ severity: 'warning', form: rule.form, code: rule.target }),
    );
  });
});
