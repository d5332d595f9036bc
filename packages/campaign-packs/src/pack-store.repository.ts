// Every query of the pack store.
import { sql, type Kysely, type Transaction } from 'kysely';
import { countOf, keysetPage, type Dialect, type KeysetOrder } from '@passerelle/server-kit';
import type { PackTables } from './db/pack-tables';

type Db = Kysely<PackTables> | Transaction<PackTables>;
export type PackRow = PackTables['campaign_packs'];
export type PackSummaryRow = Omit<PackRow, 'manifest'>;

const SUMMARY = [
  'id',
  'campaign',
  'edition',
  'millesimes',
  'source',
  'published_at',
  'installed_at',
  'installed_by',
] as const;

/**
 * What changes when a pack is installed: the count and the newest installation time. Packs are
 * never updated or deleted, so equal versions mean equal sets (one index read each).
 */
export async function packsVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('campaign_packs')
    .select([
      sql<string | number>`count(*)`.as('n'),
      sql<string | null>`max(installed_at)`.as('last'),
    ])
    .executeTakeFirst();
  return `${countOf(row)}|${row?.last ?? ''}`;
}

/** Every installed pack (few: one or two a year), without manifest nor files. */
export async function allPacks(db: Db): Promise<PackSummaryRow[]> {
  return db
    .selectFrom('campaign_packs')
    .select(SUMMARY)
    .orderBy('installed_at')
    .orderBy('id')
    .execute();
}

/** The manifest and files of one pack. */
export async function packContent(
  db: Db,
  id: string,
): Promise<{ manifest: string; files: { name: string; content: Uint8Array }[] } | undefined> {
  const pack = await db
    .selectFrom('campaign_packs')
    .select('manifest')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!pack) return undefined;
  const files = await db
    .selectFrom('campaign_pack_files')
    .select(['name', 'content'])
    .where('pack_id', '=', id)
    .orderBy('name')
    .execute();
  return { manifest: pack.manifest, files };
}

/**
 * Serialises installations until the caller's transaction ends, so that two instances checking
 * conflicts at the same moment see each other's pack (PostgreSQL: an advisory lock; SQLite
 * allows one writer at a time, and a transaction that read before another's write cannot write).
 */
export async function lockPackStore(db: Transaction<PackTables>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext('passerelle.campaign-packs'))`.execute(db);
  }
}

/** Stores a pack and its files (the caller's transaction makes it all or nothing). */
export async function insertPack(
  db: Db,
  row: PackRow,
  files: readonly { name: string; content: Uint8Array }[],
): Promise<void> {
  await db.insertInto('campaign_packs').values(row).execute();
  for (const file of files) {
    await db
      .insertInto('campaign_pack_files')
      .values({ pack_id: row.id, name: file.name, content: file.content })
      .execute();
  }
}

const NEWEST_FIRST: KeysetOrder<PackSummaryRow> = {
  list: 'campaign-packs',
  columns: [
    { column: 'installed_at', type: 'text', value: (row) => row.installed_at },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'desc',
};

/** One page of installed packs, newest installation first. */
export async function pagePacks(db: Db, page: { limit: number; cursor?: string | undefined }) {
  return keysetPage(db.selectFrom('campaign_packs').select(SUMMARY), NEWEST_FIRST, page);
}
