import { describe, expect, it } from 'vitest';
import { newDeclaration } from '../identification';
import { formOf, ofRule, rulesFired, simplified, validate } from '../testing/declarations';

describe('régime rules', () => {
  it('refuses a form the régime does not allow (2050 in IS-RS)', () => {
    const anomalies = validate(simplified((d) => (d.forms['2050'] = [{ GL: 50000 }])));
    expect(rulesFired(anomalies)).toEqual(['form.not-allowed']);
    expect(anomalies[0]!.message).toBe(
      '2050 : formulaire non prévu pour le régime IS-RS déclaré dans F-IDENTIF.',
    );
  });

  it('refuses a form of another document than the liasse (1330-CVAE)', () => {
    const anomalies = validate(simplified((d) => (d.forms['1330CVAE'] = [{ AA: 1 }])));
    expect(ofRule(anomalies, 'form.not-allowed')[0]!.message).toBe(
      '1330-CVAE : formulaire hors de la liasse fiscale (documents CVA).',
    );
  });

  it('follows F-IDENTIF: the same liasse at the IR is refused (2065 is an IS return)', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, 'F-IDENTIF').BC = 'IR';
        formOf(d, 'F-IDENTIF').KD = 'BIC1';
      }),
    );
    expect(ofRule(anomalies, 'form.not-allowed').map((a) => a.form)).toEqual(['2065']);
    expect(ofRule(anomalies, 'main-return.missing')[0]!.message).toBe(
      '2031 : déclaration de résultat absente : le régime BI-RS demande le formulaire 2031.',
    );
  });

  it('requires the main return', () => {
    const anomalies = validate(simplified((d) => delete d.forms['2065']));
    expect(rulesFired(anomalies)).toEqual(['main-return.missing']);
    expect(anomalies[0]).toMatchObject({ severity: 'error', form: '2065' });
  });

  it('refuses two main returns (2031 and 2036 are both allowed for BI-MN)', () => {
    const declaration = newDeclaration({
      siren: '843217654',
      name: 'SCM DES MEDECINS',
      exercise: { start: '2024-01-01', end: '2024-12-31' },
      taxation: 'IR',
      regime: 'MN',
    });
    declaration.forms['2031'] = [{ AA: 'X' }];
    declaration.forms['2036'] = [{ AA: 'X' }];
    const anomalies = validate(declaration);
    expect(ofRule(anomalies, 'main-return.several')[0]!.message).toBe(
      '2036 : une seule déclaration de résultat par dépôt (2031 et 2036 présents).',
    );
  });

  it('refuses a taxation, category and régime no form is made for', () => {
    const anomalies = validate(simplified((d) => (formOf(d, 'F-IDENTIF').BB = 'DC')));
    expect(rulesFired(anomalies)).toEqual(['identif.regime']);
    expect(anomalies[0]!.message).toContain("aucun formulaire n'est prévu pour le régime IS-DC");
  });
});
