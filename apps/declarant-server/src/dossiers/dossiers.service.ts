import { randomUUID } from 'node:crypto';
import type { Dossier, DossierInput, DossierPage, ExerciseInput } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import { recordAction } from '../audit/record-action';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { toDossierView } from './dossier-view';
import {
  countDossiers,
  findDossier,
  findDossierBySiren,
  findOverlappingExercise,
  insertDossier,
  insertExercise,
  lockDossiers,
  listExercises,
  pageDossiers,
  updateDossier,
  type DossierRow,
  type NewDossierRow,
} from './dossiers.repository';

type ParsedDossier = Omit<DossierInput, 'street' | 'complement'> & {
  street?: string | undefined;
  complement?: string | undefined;
};

/** One page of dossiers by raison sociale (a search's, when `q` is given), with their exercises. */
export async function dossierPage(
  ctx: AppContext,
  query: { limit: number; cursor?: string | undefined; q?: string | undefined },
): Promise<DossierPage> {
  const { rows, nextCursor } = await pageDossiers(ctx.db, query.q, query);
  const exercises = await listExercises(
    ctx.db,
    rows.map((row) => row.id),
  );
  const total = query.cursor === undefined ? await countDossiers(ctx.db, query.q) : null;
  return { items: rows.map((row) => toDossierView(row, exercises)), nextCursor, total };
}

/** The dossier, or `NOT_FOUND` in French. */
export async function requireDossier(ctx: AppContext, id: string): Promise<DossierRow> {
  const row = await findDossier(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Dossier introuvable.');
  return row;
}

export async function dossierView(ctx: AppContext, id: string): Promise<Dossier> {
  const row = await requireDossier(ctx, id);
  return toDossierView(row, await listExercises(ctx.db, [row.id]));
}

const sirenTaken = (siren: string) =>
  new AppError('SIREN_TAKEN', `Un dossier existe déjà pour le SIREN ${siren}.`, {
    field: 'siren',
  });

/** Creates a dossier (one per SIREN). */
export async function createDossier(
  ctx: AppContext,
  caller: Caller,
  input: ParsedDossier,
  ip: string,
): Promise<Dossier> {
  if (await findDossierBySiren(ctx.db, input.siren)) throw sirenTaken(input.siren);
  const at = ctx.now().toISOString();
  const row: NewDossierRow & Omit<DossierRow, 'name_search'> = {
    id: randomUUID(),
    siren: input.siren,
    name: input.name,
    street: input.street ?? null,
    complement: input.complement ?? null,
    postcode: input.postcode,
    city: input.city,
    category: input.category,
    regime: input.regime,
    taxation: input.taxation,
    rof: input.rof,
    created_at: at,
    updated_at: at,
  };
  try {
    await insertDossier(ctx.db, row);
  } catch (error) {
    // Two creations of the same SIREN at once: the unique index decides.
    if (await findDossierBySiren(ctx.db, input.siren)) throw sirenTaken(input.siren);
    throw error;
  }
  await recordAction(ctx, caller, ip, 'dossier.created', { dossierId: row.id, siren: row.siren });
  return toDossierView(row, []);
}

/** Replaces a dossier's identity (its SIREN may change only to one not yet used). */
export async function updateDossierIdentity(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: ParsedDossier,
  ip: string,
): Promise<Dossier> {
  const row = await requireDossier(ctx, id);
  if (input.siren !== row.siren && (await findDossierBySiren(ctx.db, input.siren)))
    throw sirenTaken(input.siren);
  await updateDossier(ctx.db, id, {
    ...input,
    street: input.street ?? null,
    complement: input.complement ?? null,
    updated_at: ctx.now().toISOString(),
  });
  await recordAction(ctx, caller, ip, 'dossier.updated', { dossierId: id, siren: input.siren });
  return dossierView(ctx, id);
}

/** Adds an exercise; exercises of a dossier never overlap. */
export async function addExercise(
  ctx: AppContext,
  caller: Caller,
  dossierId: string,
  input: ExerciseInput,
  ip: string,
): Promise<Dossier> {
  await requireDossier(ctx, dossierId);
  const id = randomUUID();
  // Check and insert under the dossier's lock: two additions at once cannot both pass the check.
  await ctx.db.transaction().execute(async (tx) => {
    await lockDossiers(tx, ctx.dialect, [dossierId]);
    const overlap = await findOverlappingExercise(tx, dossierId, input.start, input.end);
    if (overlap) {
      throw new AppError(
        'EXERCISE_OVERLAP',
        `Cet exercice chevauche l’exercice du ${overlap.start_date} au ${overlap.end_date}.`,
        { field: 'start' },
      );
    }
    await insertExercise(tx, {
      id,
      dossier_id: dossierId,
      start_date: input.start,
      end_date: input.end,
    });
  });
  await recordAction(ctx, caller, ip, 'exercise.created', {
    dossierId,
    exerciseId: id,
    start: input.start,
    end: input.end,
  });
  return dossierView(ctx, dossierId);
}
