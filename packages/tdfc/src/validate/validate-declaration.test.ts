import { describe, expect, it } from 'vitest';
import { normal, rulesFired, simplified, validate } from '../testing/declarations';
import { isSendable } from './validate-declaration';

describe('known-answer declarations', () => {
  it('validates the simplified IS liasse (F-IDENTIF, 2065, 2033-A…G) clean', () => {
    expect(validate(simplified())).toEqual([]);
  });

  it('validates the réel normal IS declaration (F-IDENTIF, 2065, 2050–2053) clean', () => {
    expect(validate(normal())).toEqual([]);
  });
});

describe('validateDeclaration', () => {
  it('stops at a millésime the campaign does not know', () => {
    const anomalies = validate(simplified((d) => (d.millesime = '22')));
    expect(anomalies).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'declaration.millesime',
        form: 'F-IDENTIF',
        message: expect.stringContaining('millésime « 22 » inconnu de la campagne 2025'),
      }),
    ]);
  });

  it('is sendable with warnings only, not with an error', () => {
    const warningOnly = validate(simplified((d) => delete d.forms['2033G']));
    expect(rulesFired(warningOnly)).toEqual(['liasse.form-missing']);
    expect(isSendable(warningOnly)).toBe(true);
    const withError = validate(simplified((d) => (d.siren = '843217655')));
    expect(isSendable(withError)).toBe(false);
  });
});
