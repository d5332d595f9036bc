import type { Kysely, Transaction } from 'kysely';
import type { AccountsTable, PartnerDatabase } from '../db/schema';
import type { AccountRow } from './accounts.repository';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;

/**
 * The one-time links emailed to an account's address, stored alike (the token only as its
 * hash, the account, the end, the use): the address's confirmation and the password reset.
 */
export type AccountLinkTable = 'email_verifications' | 'password_resets';

/** The columns both link tables have: the only ones written or read here. */
interface LinkColumns {
  token_hash: string;
  account_id: string;
  expires_at: string;
  used_at: string | null;
  created_at?: string;
}

/** The database seen through those columns, so one query serves either table. */
const links = (db: Db) =>
  db as unknown as Kysely<Record<AccountLinkTable, LinkColumns> & { accounts: AccountsTable }>;

/** Stores a link (hash only), unused. */
export async function insertAccountLink(
  db: Db,
  table: AccountLinkTable,
  row: { token_hash: string; account_id: string; expires_at: string; created_at?: string },
): Promise<void> {
  await links(db)
    .insertInto(table)
    .values({ ...row, used_at: null })
    .execute();
}

/** The account of the link whose token hashes to `tokenHash`, when the link is unused and unexpired at `now`. */
export async function findLinkedAccount(
  db: Db,
  table: AccountLinkTable,
  tokenHash: string,
  now: string,
): Promise<AccountRow | undefined> {
  return links(db)
    .selectFrom(`${table} as link`)
    .innerJoin('accounts', 'accounts.id', 'link.account_id')
    .selectAll('accounts')
    .where('link.token_hash', '=', tokenHash)
    .where('link.used_at', 'is', null)
    .where('link.expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses a link once, before it expires; false when another use (or a void) came first. */
export async function claimAccountLink(
  db: Db,
  table: AccountLinkTable,
  tokenHash: string,
  at: string,
): Promise<boolean> {
  const claimed = await links(db)
    .updateTable(table)
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return claimed.numUpdatedRows === 1n;
}
