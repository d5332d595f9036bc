import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DeclarantDatabase, DeclarationsTable } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
export type DeclarationRow = Selectable<DeclarationsTable>;

/** A declaration row with its dossier's name and SIREN and its exercise's dates. */
export type DeclarationListRow = DeclarationRow & {
  dossier_name: string;
  dossier_siren: string;
  exercise_start: string;
  exercise_end: string;
};

function withContext(db: Db) {
  return db
    .selectFrom('declarations as d')
    .innerJoin('dossiers as o', 'o.id', 'd.dossier_id')
    .innerJoin('exercises as e', 'e.id', 'd.exercise_id')
    .selectAll('d')
    .select([
      'o.name as dossier_name',
      'o.siren as dossier_siren',
      'e.start_date as exercise_start',
      'e.end_date as exercise_end',
    ]);
}

/** One declaration, content included, with its dossier and exercise. */
export function findDeclaration(db: Db, id: string): Promise<DeclarationListRow | undefined> {
  return withContext(db).where('d.id', '=', id).executeTakeFirst();
}

/** The declarations of `ids` that exist (any order). */
export function findDeclarationsByIds(db: Db, ids: string[]): Promise<DeclarationListRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withContext(db).where('d.id', 'in', ids).execute();
}

/** Inserts one declaration row. */
export async function insertDeclaration(db: Db, row: DeclarationRow): Promise<void> {
  await db.insertInto('declarations').values(row).execute();
}

/** Inserts several declaration rows in one statement (a chunk of an import). */
export async function insertDeclarations(db: Db, rows: readonly DeclarationRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('declarations')
      .values([...rows])
      .execute();
}

/** Applies `changes` and the next version if the row is still at `version`; false otherwise. */
async function updateAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<DeclarationsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('declarations')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Replaces the content if the row is still at `version`; false when someone changed it meanwhile. */
export function updateDeclarationContent(
  db: Db,
  id: string,
  version: number,
  changes: Pick<
    DeclarationRow,
    | 'content'
    | 'status'
    | 'error_count'
    | 'warning_count'
    | 'updated_at'
    | 'pack_campaign'
    | 'pack_edition'
  >,
): Promise<boolean> {
  // An edit starts the declaration's life again (after a refusal): no transmission status.
  return updateAtVersion(db, id, version, { ...changes, transmission_status: null });
}

/**
 * Marks the declaration queued under `transmissionId`, only if it is still at `version`; false
 * when it was edited or sent since it was read (the batch must then be given up).
 */
export function markDeclarationQueued(
  db: Db,
  id: string,
  version: number,
  transmissionId: string,
): Promise<boolean> {
  return updateAtVersion(db, id, version, {
    transmission_status: 'queued',
    latest_transmission_id: transmissionId,
  });
}
