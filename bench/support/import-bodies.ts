// The largest imports a bench sends: `count` clean declarations of the integrators' documented
// example (a 2024 liasse simplifiée), one per dossier of the seeded firm (its SIRENs), as the
// JSON import's body and as an INFENT-DF file from "another software".
import { importDeclaration, loadDictionary, writeInfentInterchange } from '@passerelle/tdfc';
import { buildDeclaration, testSiren } from '@passerelle/declarant-server/testing';

/** The JSON import's body: `count` declarations, the i-th for the dossier of `testSiren(i)`. */
export function jsonImportBody(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => buildDeclaration({ siren: testSiren(i) }));
}

/** The same declarations as one INFENT-DF interchange (the INFENT import's file). */
export function infentImportFile(count: number): Uint8Array {
  const dictionary = loadDictionary('2025');
  const declarations = jsonImportBody(count).map((input) => {
    const result = importDeclaration(dictionary, input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.declaration;
  });
  return writeInfentInterchange(dictionary, declarations, {
    firm: { siret: '73282932000074', name: 'Autre logiciel' },
    partner: { number: '1234567' },
    controlReference: 'BENCH1',
    preparedAt: new Date('2026-03-02T09:00:00Z'),
    test: false,
    software: { editor: 'AUTRE', name: 'AUTRE', version: '1' },
    attestation: '2025.01.0001',
  });
}
