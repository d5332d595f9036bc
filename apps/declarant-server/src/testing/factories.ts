// Test data of the declarant: request bodies with defaults that the API accepts, each changed by
// `overrides`. Shared by the declarant's tests, the CLI's, the e2e tests and the benches through
// `@passerelle/declarant-server/testing` (or `/testing/factories` alone, which the e2e tests
// typecheck with the DOM library: it holds no app code).
import type { DossierInput } from '@passerelle/contracts';
import { readFixtureJson, testSiren } from '@passerelle/tdfc/testing';

export { testSiren };

/**
 * A dossier's creation body: a company taxed under the IS (BIC, régime simplifié) in Paris, the
 * first SIREN of the test series by default; `overrides` changes any field
 * (`buildDossier({ regime: 'RN' })`).
 */
export function buildDossier(overrides: Partial<DossierInput> = {}): DossierInput {
  return {
    siren: testSiren(0),
    name: 'SOCIETE 0',
    postcode: '75002',
    city: 'Paris',
    category: 'BI',
    regime: 'RS',
    taxation: 'IS',
    rof: 'IS1',
    ...overrides,
  };
}

/** {@link buildDossier} named by `siren` and `name` (the e2e tests' older spelling). */
export function testDossier(
  siren: string,
  name: string,
  overrides: Partial<DossierInput> = {},
): DossierInput {
  return buildDossier({ siren, name, ...overrides });
}

/** A declaration in the JSON import format (`POST /api/declarations/import-json`). */
export type DeclarationImport = Record<string, unknown> & { siren: string; name: string };

/**
 * The import format's documented example (packages/tdfc's import-example.json: a clean IS-RS
 * liasse of 2024, SIREN 123456782), fresh on every call, with `overrides`
 * (`buildDeclaration({ siren: testSiren(3) })`).
 */
export function buildDeclaration(overrides: Record<string, unknown> = {}): DeclarationImport {
  return { ...(readFixtureJson('importExample') as DeclarationImport), ...overrides };
}

/** A user's creation body (`POST /api/users`): Bruno Martin, collaborator, with `overrides`. */
export function buildUser(
  overrides: Partial<Record<'firstName' | 'lastName' | 'email' | 'role', string>> = {},
): { firstName: string; lastName: string; email: string; role: string } {
  return {
    firstName: 'Bruno',
    lastName: 'Martin',
    email: 'bruno@cabinet-test.fr',
    role: 'collaborator',
    ...overrides,
  };
}
