import { randomUUID } from 'node:crypto';
import {
  declarationStatusLabels,
  editableDeclarationStatuses,
  type DeclarationDetail,
  type DeclarationPage,
  type DeclarationStatus,
  type UpdateCellsRequest,
} from '@passerelle/contracts';
import type { ServedDictionaries } from '@passerelle/campaign-packs';
import {
  closingYearOf,
  liasseForms,
  newDeclaration,
  validateDeclaration,
  type Anomaly,
  type CellEntry,
  type Declaration,
} from '@passerelle/tdfc';
import { AppError } from '@passerelle/server-kit';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvent } from '../audit/audit.repository';
import { recordAction } from '../audit/record-action';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import type { DeclarantDatabase } from '../db/schema';
import { requireDossier } from '../dossiers/dossiers.service';
import { findExercise, type DossierRow, type ExerciseRow } from '../dossiers/dossiers.repository';
import { countDeclarations, pageDeclarations } from './declaration-list.repository';
import { toDetail, toSummary } from './declaration-view';
import {
  findDeclaration,
  insertDeclaration,
  updateDeclarationContent,
  type DeclarationListRow,
  type DeclarationRow,
} from './declarations.repository';

/**
 * The campaign dictionaries served now (built-in and installed packs, `ctx.dictionaries`); a
 * millésime that no pack serves makes this instance read the pack store again first.
 */
export async function dictionariesFor(
  ctx: AppContext,
  millesime?: string,
): Promise<ServedDictionaries> {
  if (millesime !== undefined) await ctx.dictionaries.forMillesime(millesime);
  return ctx.dictionaries.current();
}

/**
 * Validation result and the status it gives: "prête" when no blocking anomaly is left; with the
 * pack (campaign, edition) that served the declaration's millésime, kept on the declaration.
 */
export function evaluate(served: ServedDictionaries, declaration: Declaration) {
  const pack = served.forMillesime(declaration.millesime);
  const anomalies = validateDeclaration(pack?.dictionary ?? served.combined, declaration);
  const errorCount = anomalies.filter((a) => a.severity === 'error').length;
  return {
    anomalies,
    errorCount,
    warningCount: anomalies.length - errorCount,
    status: errorCount === 0 ? ('ready' as const) : ('draft' as const),
    pack: pack ? { campaign: pack.pack.campaign, edition: pack.pack.edition } : null,
  };
}

/** The stored declaration (the tdfc model) of a row. */
export const declarationOf = (row: DeclarationListRow) => JSON.parse(row.content) as Declaration;

/** The declaration, content included, or `NOT_FOUND` in French. */
export async function requireDeclaration(ctx: AppContext, id: string): Promise<DeclarationListRow> {
  const row = await findDeclaration(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Déclaration introuvable.');
  return row;
}

/**
 * One page of declarations (a dossier's, or every dossier's), newest first, with the filter's
 * count on the first page.
 */
export async function declarationPage(
  ctx: AppContext,
  query: {
    limit: number;
    cursor?: string | undefined;
    status?: DeclarationStatus | undefined;
    sendingId?: string | undefined;
  },
  dossierId?: string,
): Promise<DeclarationPage> {
  if (dossierId) await requireDossier(ctx, dossierId);
  const filter = { dossierId, status: query.status, sendingId: query.sendingId };
  const { rows, nextCursor } = await pageDeclarations(ctx.db, filter, query);
  const total = query.cursor === undefined ? await countDeclarations(ctx.db, filter) : null;
  return { items: rows.map(toSummary), nextCursor, total };
}

/** The declaration with its anomalies; `known` spares a second validation of what was just checked. */
export async function declarationDetail(
  ctx: AppContext,
  id: string,
  known?: { declaration: Declaration; anomalies: Anomaly[] },
): Promise<DeclarationDetail> {
  const row = await requireDeclaration(ctx, id);
  const declaration = known?.declaration ?? declarationOf(row);
  const anomalies =
    known?.anomalies ??
    evaluate(await dictionariesFor(ctx, declaration.millesime), declaration).anomalies;
  return toDetail(row, declaration, anomalies);
}

/** What is stored of a new declaration (from the editor or an import). */
export interface NewDeclaration {
  dossier: DossierRow;
  exercise: ExerciseRow;
  source: 'editor' | 'json' | 'infent';
  declaration: Declaration;
  createdBy: string;
  at: string;
}

/** The row of a new declaration, with the status its validation gave. */
export function newDeclarationRow(
  input: NewDeclaration,
  result: ReturnType<typeof evaluate>,
): DeclarationRow {
  return {
    id: randomUUID(),
    dossier_id: input.dossier.id,
    exercise_id: input.exercise.id,
    millesime: input.declaration.millesime,
    status: result.status,
    source: input.source,
    content: JSON.stringify(input.declaration),
    error_count: result.errorCount,
    warning_count: result.warningCount,
    version: 1,
    created_by: input.createdBy,
    created_at: input.at,
    updated_at: input.at,
    transmission_status: null,
    latest_transmission_id: null,
    pack_campaign: result.pack?.campaign ?? null,
    pack_edition: result.pack?.edition ?? null,
  };
}

/** Validates and stores one new declaration (the editor's). */
export async function storeDeclaration(
  db: Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>,
  served: ServedDictionaries,
  input: NewDeclaration,
): Promise<{ id: string; anomalies: Anomaly[] }> {
  const result = evaluate(served, input.declaration);
  const row = newDeclarationRow(input, result);
  await insertDeclaration(db, row);
  return { id: row.id, anomalies: result.anomalies };
}

/** A new declaration for one of the dossier's exercises: F-IDENTIF filled, the liasse's forms empty. */
export async function createEditorDeclaration(
  ctx: AppContext,
  caller: Caller,
  dossierId: string,
  exerciseId: string,
  ip: string,
): Promise<DeclarationDetail> {
  const dossier = await requireDossier(ctx, dossierId);
  const exercise = await findExercise(ctx.db, exerciseId);
  if (!exercise || exercise.dossier_id !== dossier.id)
    throw new AppError('NOT_FOUND', 'Exercice introuvable pour ce dossier.', {
      field: 'exerciseId',
    });
  const taxation = dossier.taxation === 'IR' ? 'IR' : 'IS';
  const declaration = newDeclaration({
    siren: dossier.siren,
    name: dossier.name,
    address: {
      ...(dossier.street ? { street: dossier.street } : {}),
      ...(dossier.complement ? { complement: dossier.complement } : {}),
      city: dossier.city,
      postcode: dossier.postcode,
      country: 'FR',
    },
    exercise: { start: exercise.start_date, end: exercise.end_date },
    taxation,
    category: dossier.category,
    regime: dossier.regime,
    rof: dossier.rof,
  });
  const served = await dictionariesFor(ctx, declaration.millesime);
  const pack = served.forMillesime(declaration.millesime);
  if (!pack) {
    throw new AppError(
      'VALIDATION_ERROR',
      `Les formulaires du millésime ${declaration.millesime} (exercices clos en ${closingYearOf(declaration.millesime)}) ne sont pas installés : Passerelle connaît les millésimes ${served.millesimes.join(', ')}. Un administrateur peut installer les tables de cette campagne (Paramètres du cabinet › Campagnes).`,
      { field: 'exerciseId' },
    );
  }
  const facts = { taxation, category: dossier.category, regime: dossier.regime } as const;
  for (const form of liasseForms(pack.dictionary, declaration.millesime, facts)) {
    declaration.forms[form] = [{}];
  }
  const { id, anomalies } = await storeDeclaration(ctx.db, served, {
    dossier,
    exercise,
    source: 'editor',
    declaration,
    createdBy: caller.user.id,
    at: ctx.now().toISOString(),
  });
  await recordAction(ctx, caller, ip, 'declaration.created', {
    declarationId: id,
    dossierId,
    source: 'editor',
  });
  return declarationDetail(ctx, id, { declaration, anomalies });
}

/** A declaration on its way to the DGFiP, or integrated, is frozen (its signed bytes are sent). */
function assertEditable(row: DeclarationListRow): void {
  const status = row.transmission_status;
  if (status !== null && !editableDeclarationStatuses.includes(status)) {
    throw new AppError(
      'DECLARATION_LOCKED',
      `Cette déclaration est « ${declarationStatusLabels[status]} » : elle ne peut plus être modifiée.`,
    );
  }
}

/**
 * The declaration `id` to change, if it is still editable and still at the `version` the user
 * saw (`DECLARATION_CHANGED` otherwise).
 */
export async function requireEditable(
  ctx: AppContext,
  id: string,
  version: number,
): Promise<DeclarationListRow> {
  const row = await requireDeclaration(ctx, id);
  assertEditable(row);
  if (Number(row.version) !== version) {
    throw new AppError(
      'DECLARATION_CHANGED',
      'La déclaration a été modifiée entre-temps : rechargez-la avant de continuer.',
    );
  }
  return row;
}

/** The editor's changes: cells set or emptied, then validated again. */
export async function updateCells(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: UpdateCellsRequest,
): Promise<DeclarationDetail> {
  const row = await requireEditable(ctx, id, input.version);
  const declaration = declarationOf(row);
  const served = await dictionariesFor(ctx, declaration.millesime);
  for (const change of input.changes) {
    const dictionaryForm = served.combined.form(declaration.millesime, change.form);
    if (!dictionaryForm) {
      throw new AppError('VALIDATION_ERROR', `Formulaire inconnu : ${change.form}.`, {
        field: 'changes',
      });
    }
    const occurrences = (declaration.forms[change.form] ??= []);
    const occurrence = change.occurrence ?? 0;
    while (occurrences.length <= occurrence) occurrences.push({});
    const cells = Object.entries(occurrences[occurrence] ?? {}).filter(
      ([code]) => code !== change.code,
    );
    if (change.value !== null) cells.push([change.code, change.value as CellEntry]);
    occurrences[occurrence] = Object.fromEntries(cells);
  }
  return saveEdited(ctx, caller, row, declaration);
}

/**
 * Validates an edited declaration and stores it if nobody saved another version meanwhile
 * (`DECLARATION_CHANGED` otherwise); a change of status goes to the audit log.
 */
export async function saveEdited(
  ctx: AppContext,
  caller: Caller,
  row: DeclarationListRow,
  declaration: Declaration,
): Promise<DeclarationDetail> {
  const id = row.id;
  const served = await dictionariesFor(ctx, declaration.millesime);
  const result = evaluate(served, declaration);
  const changed = await updateDeclarationContent(ctx.db, id, Number(row.version), {
    content: JSON.stringify(declaration),
    pack_campaign: result.pack?.campaign ?? null,
    pack_edition: result.pack?.edition ?? null,
    status: result.status,
    error_count: result.errorCount,
    warning_count: result.warningCount,
    updated_at: ctx.now().toISOString(),
  });
  if (!changed) {
    throw new AppError(
      'DECLARATION_CHANGED',
      'La déclaration a été modifiée entre-temps : rechargez-la avant de continuer.',
    );
  }
  if (row.status !== result.status) {
    await appendAuditEvent(
      ctx.db,
      {
        action: 'declaration.status_changed',
        actorUserId: caller.user.id,
        details: { declarationId: id, from: row.status, to: result.status },
      },
      ctx.now(),
    );
  }
  return declarationDetail(ctx, id, { declaration, anomalies: result.anomalies });
}
