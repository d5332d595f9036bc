import { describe, expect, it } from 'vitest';
import { formOf, ofRule, rulesFired, simplified, validate } from '../testing/declarations';
import { checkNadIdentifier, checkSiren } from './identifier-rules';

describe('SIREN and SIRET', () => {
  it('refuses a declaration SIREN whose Luhn key is wrong', () => {
    const anomalies = validate(
      simplified((d) => {
        d.siren = '843217655';
        formOf(d, 'F-IDENTIF').AA = { id: '843217655', name: 'BOULANGERIE DES TILLEULS' };
      }),
    );
    expect(ofRule(anomalies, 'siren.invalid').map((a) => a.message)).toEqual([
      'F-IDENTIF, case AA (Identification du déclarant désignation ou nom prénom) : SIREN 843217655 invalide : la clé de contrôle (Luhn) est fausse.',
      'F-IDENTIF, case AA (Identification du déclarant désignation ou nom prénom) : SIREN 843217655 invalide : la clé de contrôle (Luhn) est fausse.',
    ]);
  });

  it('checks the SIRET of a NAD block, with the La Poste exception', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2065').PD = { id: '73282932000075', name: 'MERE SA' };
        formOf(d, '2065').CA = { id: '35600000049832', name: 'LA POSTE' };
      }),
    );
    expect(rulesFired(anomalies)).toEqual(['siret.invalid']);
    expect(anomalies[0]).toMatchObject({ form: '2065', code: 'PD' });
  });

  it('keeps the rules apart: format, key, other identifiers', () => {
    expect(checkSiren('12345678')[0]!.reason).toContain('9 chiffres attendus');
    expect(checkSiren('732829320')).toEqual([]);
    expect(checkNadIdentifier('73282932000074')).toEqual([]);
    expect(checkNadIdentifier('35600000049838')[0]!.rule).toBe('siret.invalid');
    expect(checkNadIdentifier('DE123456789')[0]).toMatchObject({
      severity: 'warning',
      rule: 'nad.identifier',
    });
  });
});
