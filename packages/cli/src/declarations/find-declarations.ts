import {
  declarantApi,
  type DeclarationStatus,
  type DeclarationSummary,
  type Dossier,
} from '@passerelle/contracts';
import type { DossierRef } from '../args';
import { ApiError, usageError } from '../exit-codes';
import { formatSiren } from '../format/labels';
import type { ApiClient } from '../http/api-client';
import { readEveryPage } from '../http/read-pages';

const { dossiers, declarations: api } = declarantApi;

/** What a declarations list keeps, asked of the server (the filters are SQL there). */
export interface DeclarationFilter {
  status?: DeclarationStatus;
  /** The declarations one "Envoyer" batch sent. */
  sendingId?: string;
}

/** The dossier of a SIREN or an id; an unknown one is an input error (exit 2). */
export async function getDossier(client: ApiClient, ref: DossierRef): Promise<Dossier> {
  if ('id' in ref) return (await client.call(dossiers.get, { params: { id: ref.id } })).dossier;
  // The search finds the SIREN by its digits; names holding them may come too.
  const found = await readEveryPage(client, dossiers.list, { query: { q: ref.siren } });
  const dossier = found.find((candidate) => candidate.siren === ref.siren);
  if (!dossier) throw usageError(`Aucun dossier de SIREN ${formatSiren(ref.siren)}.`);
  return dossier;
}

/** Every declaration of a dossier (that the filter keeps). */
export function listDossierDeclarations(
  client: ApiClient,
  dossier: Dossier,
  filter: DeclarationFilter = {},
): Promise<DeclarationSummary[]> {
  return readEveryPage(client, api.ofDossier, { params: { id: dossier.id }, query: filter });
}

/** Every declaration of the firm (that the filter keeps), with its current status. */
export function listAllDeclarations(
  client: ApiClient,
  filter: DeclarationFilter = {},
): Promise<DeclarationSummary[]> {
  return readEveryPage(client, api.list, { query: filter });
}

/**
 * The declarations named by id, in the order given, each asked for itself (a few requests at a
 * time); unknown ids are an input error naming them all at once.
 */
export async function getByIds(
  client: ApiClient,
  ids: readonly string[],
): Promise<DeclarationSummary[]> {
  const found = new Map<string, DeclarationSummary>();
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        found.set(id, (await client.call(api.get, { params: { id } })).declaration);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, ids.length) }, worker));
  return pickByIds([...found.values()], ids);
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
        ? `Déclaration introuvable : ${unknown[0]}.`
        : `Déclarations introuvables : ${unknown.join(', ')}.`,
    );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * What `status` lists: a dossier's declarations, the ones named by id, both filters together,
 * or every declaration of the firm (page after page).
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
  return ids.length > 0 ? getByIds(client, ids) : listAllDeclarations(client);
}
