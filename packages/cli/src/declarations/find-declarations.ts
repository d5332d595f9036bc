import { z } from 'zod';
import {
  declarationSummarySchema,
  dossierSchema,
  type DeclarationSummary,
  type Dossier,
} from '@passerelle/contracts';
import type { DossierRef } from '../args';
import { usageError } from '../exit-codes';
import { formatSiren } from '../format/labels';
import type { ApiClient } from '../http/api-client';

const dossierList = z.object({ dossiers: z.array(dossierSchema) });
const dossierAnswer = z.object({ dossier: dossierSchema });
const declarationList = z.object({ declarations: z.array(declarationSummarySchema) });

/** The dossier of a SIREN or an id; an unknown one is an input error (exit 2). */
export async function getDossier(client: ApiClient, ref: DossierRef): Promise<Dossier> {
  if ('id' in ref) return (await client.get(`/api/dossiers/${ref.id}`, dossierAnswer)).dossier;
  const { dossiers } = await client.get('/api/dossiers', dossierList);
  const dossier = dossiers.find((candidate) => candidate.siren === ref.siren);
  if (!dossier) throw usageError(`Aucun dossier de SIREN ${formatSiren(ref.siren)}.`);
  return dossier;
}

/** Every declaration of a dossier. */
export async function listDossierDeclarations(
  client: ApiClient,
  dossier: Dossier,
): Promise<DeclarationSummary[]> {
  return (await client.get(`/api/dossiers/${dossier.id}/declarations`, declarationList))
    .declarations;
}

/** Every declaration of the firm, with its current status. */
export async function listAllDeclarations(client: ApiClient): Promise<DeclarationSummary[]> {
  return (await client.get('/api/declarations', declarationList)).declarations;
}

/**
 * The declarations named by id, in the order given; unknown ids are an input error naming
 * them all at once.
 */
export function pickByIds(
  declarations: readonly DeclarationSummary[],
  ids: readonly string[],
): DeclarationSummary[] {
  const byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw usageError(
      unknown.length === 1
        ? `Déclaration introuvable : ${unknown[0]}.`
        : `Déclarations introuvables : ${unknown.join(', ')}.`,
    );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * What `status` lists: a dossier's declarations, the ones named by id, both filters together,
 * or every declaration of the firm.
 */
export async function findDeclarations(
  client: ApiClient,
  filter: { dossier?: DossierRef; ids?: readonly string[] },
): Promise<DeclarationSummary[]> {
  const ids = filter.ids ?? [];
  if (filter.dossier) {
    const dossier = await getDossier(client, filter.dossier);
    const declarations = await listDossierDeclarations(client, dossier);
    return ids.length > 0 ? pickByIds(declarations, ids) : declarations;
  }
  const declarations = await listAllDeclarations(client);
  return ids.length > 0 ? pickByIds(declarations, ids) : declarations;
}
