// Shared by the INFENT-DF tests and the bench: a sample envelope, a tiny declaration, helpers to
// see the bytes as text and to catch an InfentError.
import { newDeclaration } from '../identification';
import type { Declaration } from '../model';
import type { InfentEnvelope } from '../infent/envelope-config';
import { InfentError } from '../infent/infent-error';

/** A fixed envelope: firm, partner, reference, 14 March 2025 09:30 in Paris, test mode. */
export const SAMPLE_ENVELOPE: InfentEnvelope = {
  firm: {
    siret: '73282932000074',
    name: 'CABINET DURAND',
    address: { street: '3 PLACE BELLECOUR', city: 'LYON', postcode: '69002', country: 'FR' },
  },
  partner: { number: '1234567', name: 'PARTENAIRE EDI' },
  controlReference: '25031409300001',
  preparedAt: new Date('2025-03-14T08:30:00Z'),
  test: true,
  software: { editor: 'PASSERELLE', name: 'PASSERELLE', version: '0.1.0' },
  attestation: '2025.01.0001',
};

/** A minimal declaration: F-IDENTIF and one signed amount on 2033-A. */
export function tinyDeclaration(siren = '843217654'): Declaration {
  const declaration = newDeclaration({
    siren,
    name: "L'ATELIER",
    exercise: { start: '2024-01-01', end: '2024-12-31' },
    taxation: 'IS',
    regime: 'RS',
  });
  declaration.forms['2033A'] = [{ FG: -1200 }];
  return declaration;
}

/** The interchange as text, decoded by Node (ISO-8859-15), not by @passerelle/edifact. */
export const textOf = (bytes: Uint8Array): string => new TextDecoder('iso-8859-15').decode(bytes);

/** The InfentError thrown by `run` (fails when nothing or something else is thrown). */
export function infentError(run: () => unknown): InfentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InfentError) return error;
    throw error;
  }
  throw new Error('InfentError attendue, rien n’a été levé');
}
