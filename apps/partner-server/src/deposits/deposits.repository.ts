import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
import type { DepositsTable, PartnerDatabase } from '../db/schema';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;
/** A whole deposit row, bytes included. */
export type DepositRow = Selectable<DepositsTable>;

/** The columns a deposit view needs: never the body, content or receipt bytes. */
const VIEW_COLUMNS = [
  'id',
  'account_id',
  'idempotency_key',
  'status',
  'received_at',
  'updated_at',
  'body_sha256',
  'signer_serial',
  'interchange_reference',
  'siren',
  'test_indicator',
  'history',
  'errors',
  'contrl',
  'cr',
] as const;
/** A deposit row without its bytes (lists, views). */
export type DepositViewRow = Pick<DepositRow, (typeof VIEW_COLUMNS)[number]>;

/**
 * Inserts a deposit unless it collides with one of the account's: the same Idempotency-Key, the
 * same interchange (`content_sha256`) or the same UNB reference. The unique indexes decide, in
 * the insert itself (no read before the write), so of concurrent requests one row wins whatever
 * their keys. True when this call inserted it.
 */
export async function insertDepositOnce(db: Db, row: Insertable<DepositsTable>): Promise<boolean> {
  const result = await db
    .insertInto('deposits')
    .values(row)
    // No conflict target: any of the three unique indexes (two of them partial) applies.
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The earlier deposit a duplicate repeats, and what it shares with it. */
export interface FirstDeposit {
  id: string;
  received_at: string;
  interchange_reference: string | null;
  /** `content`: the same interchange; `reference`: another one under the same UNB reference. */
  match: 'content' | 'reference';
}

/**
 * The account's deposit holding this interchange (same content, else same UNB reference): the
 * one a duplicate names. Copies accepted before the rule (`duplicate_of` set) are never it.
 */
export async function findFirstDepositOfInterchange(
  db: Db,
  accountId: string,
  contentSha256: string,
  reference: string | null,
): Promise<FirstDeposit | undefined> {
  const first = async (match: FirstDeposit['match'], value: string) => {
    const row = await db
      .selectFrom('deposits')
      .select(['id', 'received_at', 'interchange_reference'])
      .where('account_id', '=', accountId)
      .where(match === 'content' ? 'content_sha256' : 'interchange_reference', '=', value)
      .where('duplicate_of', 'is', null)
      .executeTakeFirst();
    return row && { ...row, match };
  };
  return (
    (await first('content', contentSha256)) ??
    (reference === null ? undefined : await first('reference', reference))
  );
}

/** The account's deposit under this key: what a replay compares and answers. */
export function findDepositByKey(db: Db, accountId: string, key: string) {
  return db
    .selectFrom('deposits')
    .select([...VIEW_COLUMNS, 'receipt'])
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** One of the account's deposits (another account's id reads as unknown). */
export function findAccountDeposit(
  db: Db,
  accountId: string,
  id: string,
): Promise<DepositViewRow | undefined> {
  return db
    .selectFrom('deposits')
    .select(VIEW_COLUMNS)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Oldest change first (index `deposits_account_updated`): what status polling reads. */
const BY_CHANGE: KeysetOrder<DepositViewRow> = {
  list: 'deposits',
  columns: [
    { column: 'updated_at', type: 'text', value: (row) => row.updated_at },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'asc',
};

/** Newest received first (index `deposits_account_received` of migration 0006): the portal's. */
const NEWEST_RECEIVED: KeysetOrder<DepositViewRow> = {
  list: 'portal-deposits',
  columns: [
    { column: 'received_at', type: 'text', value: (row) => row.received_at },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'desc',
};

function changedSince(db: Db, accountId: string, updatedSince: string | undefined) {
  const query = db.selectFrom('deposits').where('account_id', '=', accountId);
  return updatedSince === undefined ? query : query.where('updated_at', '>', updatedSince);
}

/**
 * One page of the account's deposits updated strictly after `updatedSince` (all when
 * undefined), by updated_at then id. A deposit that changes while a client pages moves past its
 * cursor and is read again further on: polling misses no change.
 */
export function pageChangedDeposits(
  db: Db,
  accountId: string,
  updatedSince: string | undefined,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<DepositViewRow>> {
  return keysetPage(
    changedSince(db, accountId, updatedSince).select(VIEW_COLUMNS),
    BY_CHANGE,
    page,
  );
}

/** How many of the account's deposits changed after `updatedSince`. */
export async function countChangedDeposits(
  db: Db,
  accountId: string,
  updatedSince: string | undefined,
): Promise<number> {
  const row = await changedSince(db, accountId, updatedSince)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return countOf(row);
}

/** One page of the account's deposits for the portal, newest received first. */
export function pageRecentDeposits(
  db: Db,
  accountId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<DepositViewRow>> {
  return keysetPage(
    changedSince(db, accountId, undefined).select(VIEW_COLUMNS),
    NEWEST_RECEIVED,
    page,
  );
}

/** Counts one refused deposit of the account under its code (refusals keep nothing else). */
export async function countRefusal(db: Db, accountId: string, code: string, at: string) {
  await db
    .insertInto('deposit_refusals')
    .values({ account_id: accountId, code, count: 1, last_at: at })
    .onConflict((oc) =>
      oc.columns(['account_id', 'code']).doUpdateSet({
        count: sql<number>`deposit_refusals.count + 1`,
        last_at: at,
      }),
    )
    .execute();
}

/** The account's refusal counts by code. */
export function listRefusalCounts(db: Db, accountId: string) {
  return db
    .selectFrom('deposit_refusals')
    .select(['code', 'count', 'last_at'])
    .where('account_id', '=', accountId)
    .orderBy('code')
    .execute();
}
