import { randomBytes } from 'node:crypto';
import { readCmsContent } from '@passerelle/pki';
import { AppError } from '@passerelle/server-kit';
import { InfentError, writeInfentInterchange, type InfentEnvelope } from '@passerelle/tdfc';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { firmSettings } from '../firm/firm-settings.service';
import { findSignedBytes } from '../sending/transmissions.repository';
import type { DeclarationListRow } from './declarations.repository';
import { declarationOf, dictionariesFor, requireDeclaration } from './declarations.service';

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
      'Renseignez d’abord le SIRET du cabinet (Paramètres du cabinet) : il est écrit dans chaque fichier EDI.',
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

/**
 * The interchange that was signed for the declaration's latest transmission, as filed: the
 * content of its signed file, byte for byte. Undefined before the first sending, and after an
 * edit (only possible once refused), which makes the declaration a draft again: what was filed
 * then no longer matches it, and stays downloadable from the transmission's signed file.
 */
async function filedInterchange(
  ctx: AppContext,
  row: DeclarationListRow,
): Promise<Uint8Array | undefined> {
  if (row.transmission_status === null || row.latest_transmission_id === null) return undefined;
  const signed = await findSignedBytes(ctx.db, row.latest_transmission_id);
  // The signed file is ours, stored in the transaction that queued it: read, not re-verified.
  return signed && readCmsContent(signed);
}

/**
 * The INFENT-DF interchange of one declaration ("Télécharger le fichier EDI"): once sent, the
 * one that was signed and filed; otherwise written now, with a new reference.
 */
export async function declarationInterchange(
  ctx: AppContext,
  caller: Caller,
  id: string,
): Promise<{ filename: string; bytes: Uint8Array }> {
  const row = await requireDeclaration(ctx, id);
  const end = row.exercise_end.replaceAll('-', '');
  const filename = `infent-${row.dossier_siren}-${end}.edi`;
  const filed = await filedInterchange(ctx, row);
  if (filed) return { filename, bytes: filed };
  const envelope = await firmEnvelope(ctx, caller);
  const declaration = declarationOf(row);
  const { combined } = await dictionariesFor(ctx, declaration.millesime);
  let bytes: Uint8Array;
  try {
    bytes = writeInfentInterchange(combined, [declaration], envelope);
  } catch (error) {
    if (error instanceof InfentError) throw new AppError('INTERCHANGE_INVALID', error.message);
    throw error;
  }
  return { filename, bytes };
}
