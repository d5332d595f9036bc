import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DeclarantDatabase, DossiersTable, ExercisesTable } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
export type DossierRow = Selectable<DossiersTable>;
export type ExerciseRow = Selectable<ExercisesTable>;

export function listDossiers(db: Db): Promise<DossierRow[]> {
  return db.selectFrom('dossiers').selectAll().orderBy('name').orderBy('siren').execute();
}

export function findDossier(db: Db, id: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDossierBySiren(db: Db, siren: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('siren', '=', siren).executeTakeFirst();
}

export async function insertDossier(db: Db, row: Insertable<DossiersTable>): Promise<void> {
  await db.insertInto('dossiers').values(row).execute();
}

export async function updateDossier(
  db: Db,
  id: string,
  changes: Updateable<DossiersTable>,
): Promise<void> {
  await db.updateTable('dossiers').set(changes).where('id', '=', id).execute();
}

/** Exercises of some dossiers, oldest first. */
export function listExercises(db: Db, dossierIds: string[]): Promise<ExerciseRow[]> {
  if (dossierIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('exercises')
    .selectAll()
    .where('dossier_id', 'in', dossierIds)
    .orderBy('start_date')
    .execute();
}

export function findExercise(db: Db, id: string): Promise<ExerciseRow | undefined> {
  return db.selectFrom('exercises').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The exercise of a dossier that overlaps [start, end], if any (exercises never overlap). */
export function findOverlappingExercise(
  db: Db,
  dossierId: string,
  start: string,
  end: string,
): Promise<ExerciseRow | undefined> {
  return db
    .selectFrom('exercises')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('start_date', '<=', end)
    .where('end_date', '>=', start)
    .executeTakeFirst();
}

export async function insertExercise(db: Db, row: ExerciseRow): Promise<void> {
  await db.insertInto('exercises').values(row).execute();
}
