import type { Kysely, Transaction } from 'kysely';
import type { DeclarationStatus } from '@passerelle/contracts';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
import type { DeclarantDatabase } from '../db/schema';
import type { DeclarationRow } from './declarations.repository';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;

/** The columns a list shows: never `content` (the whole liasse, kilobytes per declaration). */
const SUMMARY_COLUMNS = [
  'd.id',
  'd.dossier_id',
  'd.exercise_id',
  'd.millesime',
  'd.status',
  'd.source',
  'd.error_count',
  'd.warning_count',
  'd.version',
  'd.created_at',
  'd.updated_at',
  'd.transmission_status',
] as const;

/** A declaration as lists show it, with its dossier's name and SIREN and its exercise's dates. */
export type DeclarationSummaryRow = Pick<
  DeclarationRow,
  | 'id'
  | 'dossier_id'
  | 'exercise_id'
  | 'millesime'
  | 'status'
  | 'source'
  | 'error_count'
  | 'warning_count'
  | 'version'
  | 'created_at'
  | 'updated_at'
  | 'transmission_status'
> & { dossier_name: string; dossier_siren: string; exercise_start: string; exercise_end: string };

/** What a declarations list keeps; every filter is a WHERE clause. */
export interface DeclarationFilter {
  dossierId?: string | undefined;
  /** The status the declaration shows (its latest transmission's once sent). */
  status?: DeclarationStatus | undefined;
  /** Declarations one "Envoyer" batch sent. */
  sendingId?: string | undefined;
}

type SummaryColumnsRow = Omit<
  DeclarationSummaryRow,
  'dossier_name' | 'dossier_siren' | 'exercise_start' | 'exercise_end'
>;

/** Newest first; the migration 0008 indexes serve this order with and without each filter. */
const NEWEST_FIRST: KeysetOrder<SummaryColumnsRow> = {
  list: 'declarations',
  columns: [
    { column: 'd.created_at', type: 'text', value: (row) => row.created_at },
    { column: 'd.id', type: 'text', value: (row) => row.id },
  ],
  direction: 'desc',
};

function filtered(db: Db, filter: DeclarationFilter) {
  let query = db.selectFrom('declarations as d');
  if (filter.dossierId !== undefined) query = query.where('d.dossier_id', '=', filter.dossierId);
  const status = filter.status;
  // The status shown is the latest transmission's once sent, else the declaration's own: the
  // two cases are the two partial indexes of migration 0008.
  if (status === 'draft' || status === 'ready') {
    query = query.where('d.transmission_status', 'is', null).where('d.status', '=', status);
  } else if (status !== undefined) {
    query = query.where('d.transmission_status', '=', status);
  }
  const sendingId = filter.sendingId;
  if (sendingId !== undefined) {
    query = query.where('d.id', 'in', (eb) =>
      eb.selectFrom('transmissions').select('declaration_id').where('sending_id', '=', sendingId),
    );
  }
  return query;
}

/**
 * Adds each row's dossier and exercise. Read apart from the page (by primary key) rather than
 * joined into it, so that the page itself is one index range on `declarations` whatever the
 * planner would think of the join order.
 */
async function withContext(db: Db, rows: SummaryColumnsRow[]): Promise<DeclarationSummaryRow[]> {
  if (rows.length === 0) return [];
  const dossiers = await db
    .selectFrom('dossiers')
    .select(['id', 'name', 'siren'])
    .where('id', 'in', [...new Set(rows.map((row) => row.dossier_id))])
    .execute();
  const exercises = await db
    .selectFrom('exercises')
    .select(['id', 'start_date', 'end_date'])
    .where('id', 'in', [...new Set(rows.map((row) => row.exercise_id))])
    .execute();
  const dossierOf = new Map(dossiers.map((row) => [row.id, row]));
  const exerciseOf = new Map(exercises.map((row) => [row.id, row]));
  return rows.map((row) => {
    const dossier = dossierOf.get(row.dossier_id);
    const exercise = exerciseOf.get(row.exercise_id);
    return {
      ...row,
      dossier_name: dossier?.name ?? '',
      dossier_siren: dossier?.siren ?? '',
      exercise_start: exercise?.start_date ?? '',
      exercise_end: exercise?.end_date ?? '',
    };
  });
}

/** One page of declarations, newest first, after `cursor`. */
export async function pageDeclarations(
  db: Db,
  filter: DeclarationFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<DeclarationSummaryRow>> {
  const query = filtered(db, filter).select(SUMMARY_COLUMNS);
  const { rows, nextCursor } = await keysetPage(query, NEWEST_FIRST, page);
  return { rows: await withContext(db, rows), nextCursor };
}

/** How many declarations the filter keeps (an index-only count with the indexes of 0007). */
export async function countDeclarations(db: Db, filter: DeclarationFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return countOf(row);
}

/** The summaries of `ids` (at most an import's worth), in the order of `ids`. */
export async function findDeclarationSummaries(
  db: Db,
  ids: readonly string[],
): Promise<DeclarationSummaryRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('declarations as d')
    .select(SUMMARY_COLUMNS)
    .where('d.id', 'in', [...ids])
    .execute();
  const byId = new Map((await withContext(db, rows)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
