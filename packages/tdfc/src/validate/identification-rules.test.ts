import { describe, expect, it } from 'vitest';
import { formOf, ofRule, rulesFired, simplified, validate } from '../testing/declarations';

describe('F-IDENTIF rules', () => {
  it('requires F-IDENTIF', () => {
    const anomalies = validate(simplified((d) => delete d.forms['F-IDENTIF']));
    expect(ofRule(anomalies, 'identif.missing')).toEqual([
      expect.objectContaining({
        form: 'F-IDENTIF',
        message:
          "F-IDENTIF : formulaire d'identification absent : il accompagne toute déclaration.",
      }),
    ]);
  });

  it('requires the declarant, category, régime, taxation and exercise dates', () => {
    const anomalies = validate(
      simplified((d) => {
        delete formOf(d, 'F-IDENTIF').BB;
        delete formOf(d, 'F-IDENTIF').CA;
      }),
    );
    expect(ofRule(anomalies, 'identif.missing').map((a) => a.message)).toEqual([
      'F-IDENTIF, case BB (Régime fiscal) : case obligatoire non remplie.',
      'F-IDENTIF, case CA (Date de début de période) : case obligatoire non remplie.',
    ]);
    expect(rulesFired(anomalies)).toEqual(['identif.missing']);
  });

  it('refuses a SIREN or exercise that differ from the declaration’s', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, 'F-IDENTIF').AA = { id: '732829320', name: 'AUTRE' };
        formOf(d, 'F-IDENTIF').CB = '2024-12-30';
      }),
    );
    expect(ofRule(anomalies, 'identif.mismatch').map((a) => [a.code, a.message])).toEqual([
      [
        'AA',
        expect.stringContaining('SIREN 732829320 différent de celui de la déclaration (843217654)'),
      ],
      ['CB', expect.stringContaining("fin d'exercice 2024-12-30 différent")],
    ]);
  });

  it('warns when the ROF is missing or does not match the taxation', () => {
    const missing = validate(simplified((d) => delete formOf(d, 'F-IDENTIF').KD));
    expect(rulesFired(missing)).toEqual(['identif.rof']);
    const wrong = validate(simplified((d) => (formOf(d, 'F-IDENTIF').KD = 'BIC1')));
    expect(ofRule(wrong, 'identif.rof')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining("ROF « BIC1 » inattendue : à l'IS elle s'écrit IS suivi"),
      }),
    ]);
  });
});
