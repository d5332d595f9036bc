import { randomUUID } from 'node:crypto';
import {
  declarationStatusLabels,
  editableDeclarationStatuses,
  type DeclarationDetail,
  type DeclarationSummary,
  type UpdateCellsRequest,
} from '@passerelle/contracts';
import {
  loadDictionary,
  newDeclaration,
  validateDeclaration,
  type Anomaly,
  type CellEntry,
  type Declaration,
  type TdfcDictionary,
} from '@passerelle/tdfc';
import { AppError } from '@passerelle/server-kit';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import type { DeclarantDatabase } from '../db/schema';
import { requireDossier } from '../dossiers/dossiers.service';
import { findExercise, type DossierRow, type ExerciseRow } from '../dossiers/dossiers.repository';
import { toDetail, toSummary } from './declaration-view';
import {
  findDeclaration,
  insertDeclaration,
  listDeclarations,
  updateDeclarationContent,
  type DeclarationListRow,
} from './declarations.repository';
import { liasseForms } from './liasse';

/** The campaign dictionary (`loadDictionary` parses it once per process and caches it). */
export const dictionary = (): TdfcDictionary => loadDictionary('2025');

/** Validation result and the status it gives: "prête" when no blocking anomaly is left. */
export function evaluate(declaration: Declaration) {
  const anomalies = validateDeclaration(dictionary(), declaration);
  const errorCount = anomalies.filter((a) => a.severity === 'error').length;
  return {
    anomalies,
    errorCount,
    warningCount: anomalies.length - errorCount,
    status: errorCount === 0 ? ('ready' as const) : ('draft' as const),
  };
}

/** The stored declaration (the tdfc model) of a row. */
export const declarationOf = (row: DeclarationListRow) => JSON.parse(row.content) as Declaration;

export async function requireDeclaration(ctx: AppContext, id: string): Promise<DeclarationListRow> {
  const row = await findDeclaration(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Déclaration introuvable.');
  return row;
}

export async function declarationSummaries(
  ctx: AppContext,
  dossierId?: string,
): Promise<DeclarationSummary[]> {
  if (dossierId) await requireDossier(ctx, dossierId);
  return (await listDeclarations(ctx.db, dossierId)).map(toSummary);
}

/** The declaration with its anomalies; `known` spares a second validation of what was just checked. */
export async function declarationDetail(
  ctx: AppContext,
  id: string,
  known?: { declaration: Declaration; anomalies: Anomaly[] },
): Promise<DeclarationDetail> {
  const row = await requireDeclaration(ctx, id);
  const declaration = known?.declaration ?? declarationOf(row);
  return toDetail(row, declaration, known?.anomalies ?? evaluate(declaration).anomalies);
}

/**
 * Stores a new declaration (from the editor or an import) with its status; the caller's
 * transaction makes an import of several declarations all or nothing.
 */
export async function storeDeclaration(
  db: Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>,
  input: {
    dossier: DossierRow;
    exercise: ExerciseRow;
    source: 'editor' | 'json' | 'infent';
    declaration: Declaration;
    createdBy: string;
    at: string;
  },
): Promise<{ id: string; anomalies: Anomaly[] }> {
  const result = evaluate(input.declaration);
  const id = randomUUID();
  await insertDeclaration(db, {
    id,
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
  });
  return { id, anomalies: result.anomalies };
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
  if (!dictionary().millesimes.includes(declaration.millesime)) {
    throw new AppError(
      'VALIDATION_ERROR',
      `Les formulaires du millésime ${declaration.millesime} (exercices clos en 20${Number(declaration.millesime) - 1}) ne sont pas encore publiés : Passerelle connaît les millésimes ${dictionary().millesimes.join(', ')}.`,
      { field: 'exerciseId' },
    );
  }
  const facts = { taxation, category: dossier.category, regime: dossier.regime } as const;
  for (const form of liasseForms(dictionary(), declaration.millesime, facts)) {
    declaration.forms[form] = [{}];
  }
  const { id, anomalies } = await storeDeclaration(ctx.db, {
    dossier,
    exercise,
    source: 'editor',
    declaration,
    createdBy: caller.user.id,
    at: ctx.now().toISOString(),
  });
  await appendAuditEvent(
    ctx.db,
    {
      action: 'declaration.created',
      actorUserId: caller.user.id,
      ip,
      details: { declarationId: id, dossierId, source: 'editor' },
    },
    ctx.now(),
  );
  return declarationDetail(ctx, id, { declaration, anomalies });
}

/** The editor's changes: cells set or emptied, then validated again. */
/** A declaration on its way to the DGFiP, or integrated, is frozen (its signed bytes are sent). */
function assertEditable(row: DeclarationListRow): void {
  const status = row.transmission_status;
  if (status !== null && !editableDeclarationStatuses.includes(status)) {
    throw new AppError(
      'DECLARATION_LOCKED',
      `Cette déclaration est « ${declarationStatusLabels[status]} » : elle ne peut plus être modifiée.`,
    );
  }
}

export async function updateCells(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: UpdateCellsRequest,
): Promise<DeclarationDetail> {
  const row = await requireDeclaration(ctx, id);
  assertEditable(row);
  if (Number(row.version) !== input.version) {
    throw new AppError(
      'DECLARATION_CHANGED',
      'La déclaration a été modifiée entre-temps : rechargez-la avant de continuer.',
    );
  }
  const declaration = declarationOf(row);
  for (const change of input.changes) {
    const dictionaryForm = dictionary().form(declaration.millesime, change.form);
    if (!dictionaryForm) {
      throw new AppError('VALIDATION_ERROR', `Formulaire inconnu : ${change.form}.`, {
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
  const result = evaluate(declaration);
  const changed = await updateDeclarationContent(ctx.db, id, Number(row.version), {
    content: JSON.stringify(declaration),
    status: result.status,
    error_count: result.errorCount,
    warning_count: result.warningCount,
    updated_at: ctx.now().toISOString(),
  });
  if (!changed) {
    throw new AppError(
      'DECLARATION_CHANGED',
      'La déclaration a été modifiée entre-temps : rechargez-la avant de continuer.',
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
