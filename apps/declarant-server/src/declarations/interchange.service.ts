import { randomBytes } from 'node:crypto';
import { AppError } from '@passerelle/server-kit';
import { InfentError, writeInfentInterchange, type InfentEnvelope } from '@passerelle/tdfc';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { firmSettings } from '../firm/firm-settings.service';
import { declarationOf, dictionary, requireDeclaration } from './declarations.service';

/** How Passerelle names itself in RFF+AUM/AUN; it holds no EDIFICAS attestation yet. */
export const SOFTWARE = {
  editor: 'PASSERELLE',
  name: 'PASSERELLE',
  version: '0.1.0',
  /** RFF+AUO: there is no attestation de conformité number yet; the partner is told so. */
  attestation: 'SANS-ATTESTATION',
};

/** UNB 0020: an..14, unique per sender (time in base 36 and random characters). */
export function newControlReference(now: Date): string {
  const time = now.getTime().toString(36).toUpperCase();
  const random = randomBytes(4).toString('hex').toUpperCase();
  return `${time}${random}`.slice(0, 14);
}

/** The envelope of the firm's interchanges: its SIRET and name, the partner, the test flag. */
export async function firmEnvelope(ctx: AppContext, caller: Caller): Promise<InfentEnvelope> {
  const settings = await firmSettings(ctx, caller.firm.id);
  if (!settings.siret) {
    throw new AppError(
      'FIRM_SIRET_MISSING',
      "Renseignez d'abord le SIRET du cabinet (Paramètres du cabinet) : il est écrit dans chaque fichier EDI.",
    );
  }
  const now = ctx.now();
  return {
    firm: { siret: settings.siret, name: caller.firm.name },
    partner: { number: ctx.config.partnerEdiNumber },
    controlReference: newControlReference(now),
    preparedAt: now,
    test: settings.testMode,
    software: { editor: SOFTWARE.editor, name: SOFTWARE.name, version: SOFTWARE.version },
    attestation: SOFTWARE.attestation,
  };
}

/** The INFENT-DF interchange of one declaration, for inspection ("Télécharger le fichier EDI"). */
export async function declarationInterchange(
  ctx: AppContext,
  caller: Caller,
  id: string,
): Promise<{ filename: string; bytes: Uint8Array }> {
  const row = await requireDeclaration(ctx, id);
  const declaration = declarationOf(row);
  const envelope = await firmEnvelope(ctx, caller);
  let bytes: Uint8Array;
  try {
    bytes = writeInfentInterchange(dictionary(), [declaration], envelope);
  } catch (error) {
    if (error instanceof InfentError) throw new AppError('INTERCHANGE_INVALID', error.message);
    throw error;
  }
  const end = row.exercise_end.replaceAll('-', '');
  return { filename: `infent-${row.dossier_siren}-${end}.edi`, bytes };
}
