import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
import type { AuditEventsTable, PartnerDatabase, PortalUsersTable } from '../db/schema';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;
/** A personal portal user as stored. */
export type PortalUserRow = Selectable<PortalUsersTable>;

/** The personal user with this id, if any. */
export function findPortalUserById(db: Db, id: string): Promise<PortalUserRow | undefined> {
  return db.selectFrom('portal_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The personal user of this (lower-cased) address, whatever their account, if any. */
export function findPortalUserByEmail(db: Db, email: string): Promise<PortalUserRow | undefined> {
  return db.selectFrom('portal_users').selectAll().where('email', '=', email).executeTakeFirst();
}

/**
 * Holds the account's row until the transaction ends (PostgreSQL), so that invitations of one
 * account are counted one at a time on every instance. SQLite runs one transaction at a time.
 */
export async function lockAccountForUsers(
  tx: Transaction<PartnerDatabase>,
  dialect: 'sqlite' | 'postgres',
  accountId: string,
) {
  if (dialect !== 'postgres') return;
  await tx.selectFrom('accounts').select('id').where('id', '=', accountId).forUpdate().execute();
}

/** How many personal users (any status) the account holds. */
export async function countPortalUsers(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('portal_users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return countOf(row);
}

/** Stores a new invited user. */
export async function insertPortalUser(db: Db, row: PortalUserRow): Promise<void> {
  await db.insertInto('portal_users').values(row).execute();
}

/**
 * Sends a pending or revoked user a new invitation: the previous link stops working (its hash
 * is replaced), a revoked person's old password is forgotten.
 */
export async function renewInvitation(
  db: Db,
  id: string,
  row: Pick<
    PortalUserRow,
    'first_name' | 'last_name' | 'invited_at' | 'invitation_token_hash' | 'invitation_expires_at'
  >,
): Promise<void> {
  await db
    .updateTable('portal_users')
    .set({
      ...row,
      status: 'invited',
      password_hash: null,
      activated_at: null,
      revoked_at: null,
    })
    .where('id', '=', id)
    .where('status', '!=', 'active')
    .execute();
}

/**
 * Uses an invitation once, before it expires, setting the chosen password; false when another
 * use, a newer invitation or a revocation came first (of N simultaneous uses, one wins).
 */
export async function claimInvitation(
  db: Db,
  input: { id: string; tokenHash: string; passwordHash: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('portal_users')
    .set({
      status: 'active',
      password_hash: input.passwordHash,
      activated_at: input.at,
      invitation_token_hash: null,
      invitation_expires_at: null,
    })
    .where('id', '=', input.id)
    .where('status', '=', 'invited')
    .where('invitation_token_hash', '=', input.tokenHash)
    .where('invitation_expires_at', '>', input.at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Marks the account's user revoked (their link dies); false when already revoked or unknown. */
export async function markPortalUserRevoked(
  db: Db,
  accountId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('portal_users')
    .set({
      status: 'revoked',
      revoked_at: at,
      invitation_token_hash: null,
      invitation_expires_at: null,
    })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('status', '!=', 'revoked')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** By address (index `portal_users_account_email` of migration 0007). */
const BY_EMAIL: KeysetOrder<PortalUserRow> = {
  list: 'portal-users',
  columns: [
    { column: 'email', type: 'text', value: (row) => row.email },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'asc',
};

/** One page of the account's personal users, by address. */
export function pagePortalUsers(
  db: Db,
  accountId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<PortalUserRow>> {
  const query = db.selectFrom('portal_users').selectAll().where('account_id', '=', accountId);
  return keysetPage(query, BY_EMAIL, page);
}

/** Ends every live session family of one personal user and deletes their access tokens. */
export async function revokePortalUserFamilies(
  db: Db,
  userId: string,
  at: string,
  reason: string,
): Promise<number> {
  const result = await db
    .updateTable('session_families')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('portal_user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await db
    .deleteFrom('access_tokens')
    .where('family_id', 'in', (eb) =>
      eb.selectFrom('session_families').select('id').where('portal_user_id', '=', userId),
    )
    .execute();
  return Number(result.numUpdatedRows);
}

/** Revokes the user's certificates still valid at `at`; returns their serials. */
export async function revokePortalUserSignatures(
  db: Db,
  userId: string,
  at: string,
): Promise<string[]> {
  const serials = await db
    .selectFrom('signatures')
    .select('serial')
    .where('portal_user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('not_after', '>', at)
    .execute();
  if (serials.length === 0) return [];
  await db
    .updateTable('signatures')
    .set({ revoked_at: at, revocation_reason: 'cessationOfOperation' })
    .where(
      'serial',
      'in',
      serials.map((s) => s.serial),
    )
    .where('revoked_at', 'is', null)
    .execute();
  return serials.map((s) => s.serial);
}

/** Appends an event to the account's audit log. */
export async function appendAuditEvent(
  db: Db,
  event: Omit<Selectable<AuditEventsTable>, 'id' | 'details'> & { details?: object },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({ ...event, id: randomUUID(), details: JSON.stringify(event.details ?? {}) })
    .execute();
}

/** The account's audit events, oldest first (tests and support). */
export function listAuditEvents(db: Db, accountId: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
