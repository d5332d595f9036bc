import {
  sql,
  type Insertable,
  type Kysely,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
import type { DeclarantDatabase, DossiersTable, ExercisesTable } from '../db/schema';
import { searchText } from './search-text';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
export type DossierRow = Selectable<DossiersTable>;
/** A dossier as the app writes it: the search column is the repository's business. */
export type NewDossierRow = Omit<Insertable<DossiersTable>, 'name_search'>;
export type ExerciseRow = Selectable<ExercisesTable>;

/** By raison sociale (index `dossiers_name` of migration 0008). */
const BY_NAME: KeysetOrder<DossierRow> = {
  list: 'dossiers',
  columns: [
    { column: 'name', type: 'text', value: (row) => row.name },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'asc',
};

/** `%` and `_` typed in a search are letters, not LIKE wildcards. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The dossiers a search keeps: raison sociale containing `q` (case and accents ignored, on
 * `name_search`), or SIREN starting with its digits when `q` is made of digits and spaces.
 */
function searched(db: Db, q: string | undefined) {
  const query = db.selectFrom('dossiers');
  if (q === undefined) return query;
  const pattern = `%${likeEscaped(searchText(q))}%`;
  const name = sql<boolean>`${sql.ref('name_search')} like ${pattern} escape '\\'`;
  const digits = q.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) return query.where(name);
  return query.where((eb) => eb.or([name, eb('siren', 'like', `${digits}%`)]));
}

/** One page of dossiers by raison sociale, after `cursor`. */
export function pageDossiers(
  db: Db,
  q: string | undefined,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<DossierRow>> {
  return keysetPage(searched(db, q).selectAll(), BY_NAME, page);
}

/** How many dossiers the search keeps. */
export async function countDossiers(db: Db, q: string | undefined): Promise<number> {
  const row = await searched(db, q)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return countOf(row);
}

/** The dossiers of some SIRENs (an import's), in any order. */
export function findDossiersBySirens(db: Db, sirens: readonly string[]): Promise<DossierRow[]> {
  if (sirens.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dossiers')
    .selectAll()
    .where('siren', 'in', [...sirens])
    .execute();
}

/**
 * Locks the dossiers' rows until the end of the transaction `tx`, in id order (no deadlock
 * between two lockers), so that reading a dossier's exercises then adding one cannot race: two
 * imports or two "Ajouter un exercice" at once see each other's exercise. On PostgreSQL a row
 * lock; SQLite runs one write transaction at a time on its single connection, so nothing to do.
 */
export async function lockDossiers(
  tx: Transaction<DeclarantDatabase>,
  dialect: 'sqlite' | 'postgres',
  ids: readonly string[],
): Promise<void> {
  if (dialect !== 'postgres' || ids.length === 0) return;
  await tx
    .selectFrom('dossiers')
    .select('id')
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function findDossier(db: Db, id: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDossierBySiren(db: Db, siren: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('siren', '=', siren).executeTakeFirst();
}

/** Inserts a dossier (its search column computed here). */
export async function insertDossier(db: Db, row: NewDossierRow): Promise<void> {
  await db
    .insertInto('dossiers')
    .values({ ...row, name_search: searchText(row.name) })
    .execute();
}

/** Changes a dossier (its search column follows its name). */
export async function updateDossier(
  db: Db,
  id: string,
  changes: Omit<Updateable<DossiersTable>, 'name_search'>,
): Promise<void> {
  const search = changes.name === undefined ? {} : { name_search: searchText(changes.name) };
  await db
    .updateTable('dossiers')
    .set({ ...changes, ...search })
    .where('id', '=', id)
    .execute();
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

/** Inserts several exercises in one statement (an import's new ones). */
export async function insertExercises(db: Db, rows: readonly ExerciseRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('exercises')
      .values([...rows])
      .execute();
}
