// Test data shared by the declarant's tests, the e2e tests and the benches; reached from outside
// the app as `@passerelle/declarant-server/testing`.
import type { DossierInput } from '@passerelle/contracts';

/** The `index`-th Luhn-valid SIREN of a test series (9 digits, check digit last). */
export function testSiren(index: number): string {
  const body = String(30_000_000 + index).padStart(8, '0');
  for (let check = 0; check <= 9; check++) {
    const siren = `${body}${check}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let digit = Number(siren[8 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return siren;
  }
  throw new Error('unreachable');
}

/**
 * A dossier's creation body: a company taxed under the IS (BIC, régime simplifié) in Paris,
 * named by `siren` and `name`; `overrides` changes any other field.
 */
export function testDossier(
  siren: string,
  name: string,
  overrides: Partial<DossierInput> = {},
): DossierInput {
  return {
    siren,
    name,
    postcode: '75002',
    city: 'Paris',
    category: 'BI',
    regime: 'RS',
    taxation: 'IS',
    rof: 'IS1',
    ...overrides,
  };
}
