import { randomUUID } from 'node:crypto';
import { MAX_IMPORT_DECLARATIONS, type DeclarationSummary } from '@passerelle/contracts';
import type { Declaration } from '@passerelle/tdfc';
import { AppError, mapInSlices, yieldToEventLoop } from '@passerelle/server-kit';
import { recordAction } from '../audit/record-action';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  findDossiersBySirens,
  insertExercises,
  lockDossiers,
  listExercises,
  type DossierRow,
  type ExerciseRow,
} from '../dossiers/dossiers.repository';
import { findDeclarationSummaries } from './declaration-list.repository';
import { toSummary } from './declaration-view';
import { insertDeclarations } from './declarations.repository';
import { evaluate, newDeclarationRow } from './declarations.service';

/** Rows of one multi-row INSERT of an import (3 KiB of content each), a turn of the loop apart. */
const INSERT_CHUNK = 50;

/** An import refused as a whole, with the first problems named (nothing was created). */
export function importRefused(problems: string[]): AppError {
  const shown = problems.slice(0, 5);
  const more =
    problems.length > shown.length ? ` (et ${problems.length - shown.length} autres)` : '';
  return new AppError(
    'IMPORT_INVALID',
    `Import refusé, aucune déclaration créée : ${shown.join(' ; ')}${more}.`,
  );
}

/** A count in French ("1 000", grouped with the narrow no-break space of fr-FR). */
export const frenchCount = (n: number) => n.toLocaleString('fr-FR');

/** An import of more declarations than one request may create (`count` when it is known). */
export function importTooLarge(count?: number): AppError {
  const found = count === undefined ? 'plus de' : '';
  const n = frenchCount(count ?? MAX_IMPORT_DECLARATIONS);
  return new AppError(
    'IMPORT_TOO_LARGE',
    `Import refusé, aucune déclaration créée : le fichier contient ${found ? `${found} ` : ''}${n} déclarations (${frenchCount(MAX_IMPORT_DECLARATIONS)} au plus par import). Découpez-le en plusieurs imports.`,
  );
}

/**
 * The exercise of each declaration: the dossier's exercise of the same dates, or a new one when
 * none of the dossier overlaps (exercises never overlap: an overlapping one is a conflict).
 * New exercises are shared by the declarations of the same dossier and dates.
 */
function exercisesOf(
  declarations: readonly Declaration[],
  dossiers: ReadonlyMap<string, DossierRow>,
  existing: readonly ExerciseRow[],
): { exercises: ExerciseRow[]; created: ExerciseRow[] } {
  const known = [...existing];
  const created: ExerciseRow[] = [];
  const problems: string[] = [];
  const exercises = declarations.map((declaration, index) => {
    const dossier = dossiers.get(declaration.siren) as DossierRow;
    const { start, end } = declaration.exercise;
    const overlap = known.find(
      (e) => e.dossier_id === dossier.id && e.start_date <= end && e.end_date >= start,
    );
    if (overlap && overlap.start_date === start && overlap.end_date === end) return overlap;
    if (overlap) {
      problems.push(
        `${where(declarations, index)}l’exercice du ${start} au ${end} chevauche un exercice existant du dossier ${dossier.name}`,
      );
      return overlap;
    }
    const exercise = { id: randomUUID(), dossier_id: dossier.id, start_date: start, end_date: end };
    known.push(exercise);
    created.push(exercise);
    return exercise;
  });
  if (problems.length > 0) throw importRefused(problems);
  return { exercises, created };
}

const where = (declarations: readonly unknown[], index: number) =>
  declarations.length > 1 ? `déclaration n° ${index + 1} : ` : '';

/**
 * Stores imported declarations, all or nothing: each is attached to the dossier of its SIREN
 * (which must exist) and to the exercise of its dates (created when the dossier has none that
 * overlaps). Validation runs before the transaction, in time slices; the inserts run in ONE
 * transaction, a multi-row INSERT per chunk with a turn of the event loop between chunks
 * (on SQLite other requests' queries wait for the commit, but the process keeps answering).
 */
export async function storeImported(
  ctx: AppContext,
  caller: Caller,
  declarations: Declaration[],
  source: 'json' | 'infent',
  ip: string,
): Promise<DeclarationSummary[]> {
  if (declarations.length > MAX_IMPORT_DECLARATIONS) throw importTooLarge(declarations.length);
  const at = ctx.now().toISOString();
  // ~0.5 ms each: in slices of 10 ms, other requests are answered meanwhile.
  const served = await ctx.dictionaries.current();
  const results = await mapInSlices(declarations, (declaration) => evaluate(served, declaration));
  const ids = await ctx.db.transaction().execute(async (tx) => {
    const sirens = [...new Set(declarations.map((declaration) => declaration.siren))];
    const dossiers = new Map(
      (await findDossiersBySirens(tx, sirens)).map((dossier) => [dossier.siren, dossier]),
    );
    const missing = declarations.flatMap((declaration, index) =>
      dossiers.has(declaration.siren)
        ? []
        : [
            `${where(declarations, index)}aucun dossier pour le SIREN ${declaration.siren} (créez d’abord le dossier)`,
          ],
    );
    if (missing.length > 0) throw importRefused(missing);
    await lockDossiers(
      tx,
      ctx.dialect,
      [...dossiers.values()].map((dossier) => dossier.id),
    );
    const existing = await listExercises(
      tx,
      [...dossiers.values()].map((dossier) => dossier.id),
    );
    const { exercises, created } = exercisesOf(declarations, dossiers, existing);
    await insertExercises(tx, created);
    const rows = declarations.map((declaration, index) =>
      newDeclarationRow(
        {
          dossier: dossiers.get(declaration.siren) as DossierRow,
          exercise: exercises[index] as ExerciseRow,
          source,
          declaration,
          createdBy: caller.user.id,
          at,
        },
        results[index] as ReturnType<typeof evaluate>,
      ),
    );
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      if (start > 0) await yieldToEventLoop();
      await insertDeclarations(tx, rows.slice(start, start + INSERT_CHUNK));
    }
    return rows.map((row) => row.id);
  });
  await recordAction(ctx, caller, ip, 'declaration.imported', {
    source,
    count: ids.length,
    declarationIds: ids,
  });
  return (await findDeclarationSummaries(ctx.db, ids)).map(toSummary);
}
