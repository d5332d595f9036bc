import { randomUUID } from 'node:crypto';
import type { DeclarationSummary } from '@passerelle/contracts';
import { importDeclaration, type Declaration, type ImportError } from '@passerelle/tdfc';
import { AppError } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  findDossierBySiren,
  findOverlappingExercise,
  insertExercise,
} from '../dossiers/dossiers.repository';
import { toSummary } from './declaration-view';
import { findDeclaration } from './declarations.repository';
import { dictionary, storeDeclaration } from './declarations.service';

/** An import refused as a whole, with the first problems named (nothing was created). */
export function importRefused(problems: string[]): AppError {
  const shown = problems.slice(0, 5);
  const more =
    problems.length > shown.length ? ` (et ${problems.length - shown.length} autres)` : '';
  return new AppError(
    'IMPORT_INVALID',
    `Import refusé, aucune déclaration créée : ${shown.join(' ; ')}${more}.`,
  );
}

/**
 * Stores imported declarations in one transaction: each is attached to the dossier of its SIREN
 * (which must exist) and to the exercise of its dates (created when the dossier has none that
 * overlaps). Any problem refuses the whole import.
 */
export async function storeImported(
  ctx: AppContext,
  caller: Caller,
  declarations: Declaration[],
  source: 'json' | 'infent',
  ip: string,
): Promise<DeclarationSummary[]> {
  const at = ctx.now().toISOString();
  const ids = await ctx.db.transaction().execute(async (tx) => {
    const created: string[] = [];
    for (const [index, declaration] of declarations.entries()) {
      const where = declarations.length > 1 ? `déclaration n° ${index + 1} : ` : '';
      const dossier = await findDossierBySiren(tx, declaration.siren);
      if (!dossier) {
        throw importRefused([
          `${where}aucun dossier pour le SIREN ${declaration.siren} (créez d'abord le dossier)`,
        ]);
      }
      const { start, end } = declaration.exercise;
      // Exercises of a dossier never overlap: an overlapping one is the same exercise or a conflict.
      let exercise = await findOverlappingExercise(tx, dossier.id, start, end);
      if (exercise && (exercise.start_date !== start || exercise.end_date !== end)) {
        throw importRefused([
          `${where}l'exercice du ${start} au ${end} chevauche un exercice existant du dossier ${dossier.name}`,
        ]);
      }
      if (!exercise) {
        exercise = { id: randomUUID(), dossier_id: dossier.id, start_date: start, end_date: end };
        await insertExercise(tx, exercise);
      }
      const stored = await storeDeclaration(tx, {
        dossier,
        exercise,
        source,
        declaration,
        createdBy: caller.user.id,
        at,
      });
      created.push(stored.id);
    }
    return created;
  });
  await appendAuditEvent(
    ctx.db,
    {
      action: 'declaration.imported',
      actorUserId: caller.user.id,
      ip,
      details: { source, count: ids.length, declarationIds: ids },
    },
    ctx.now(),
  );
  const rows = await Promise.all(ids.map((id) => findDeclaration(ctx.db, id)));
  return rows.flatMap((row) => (row ? [toSummary(row)] : []));
}

const describe = (errors: ImportError[], prefix = '') =>
  errors.map((error) => `${prefix}${error.path ? `${error.path} : ` : ''}${error.message}`);

/** The integrators' JSON format: one declaration, or a list of them. */
export async function importJson(
  ctx: AppContext,
  caller: Caller,
  body: unknown,
  ip: string,
): Promise<DeclarationSummary[]> {
  const inputs = Array.isArray(body) ? body : [body];
  if (inputs.length === 0) throw importRefused(['la liste de déclarations est vide']);
  const declarations: Declaration[] = [];
  const problems: string[] = [];
  for (const [index, input] of inputs.entries()) {
    const result = importDeclaration(dictionary(), input);
    if (result.ok) declarations.push(result.declaration);
    else problems.push(...describe(result.errors, inputs.length > 1 ? `[${index}] ` : ''));
  }
  if (problems.length > 0) throw importRefused(problems);
  return storeImported(ctx, caller, declarations, 'json', ip);
}
