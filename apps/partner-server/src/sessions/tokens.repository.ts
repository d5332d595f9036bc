import type { Kysely, Selectable, Transaction } from 'kysely';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
import type { PartnerDatabase, SessionFamiliesTable } from '../db/schema';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;

/** Starts a session family (one sign-in and all its rotations), ending at `expires_at`. */
export async function insertFamily(
  db: Db,
  row: {
    id: string;
    kind: 'api' | 'portal';
    account_id: string;
    created_at: string;
    expires_at: string;
    portal_user_id?: string | null;
  },
) {
  await db
    .insertInto('session_families')
    .values({ portal_user_id: null, ...row, revoked_at: null, revoked_reason: null })
    .execute();
}

/** Stores an access token's hash. */
export async function insertAccessToken(
  db: Db,
  row: { token_hash: string; family_id: string; account_id: string; expires_at: string },
) {
  await db.insertInto('access_tokens').values(row).execute();
}

/** Stores a refresh token's hash. */
export async function insertRefreshToken(
  db: Db,
  row: {
    token_hash: string;
    family_id: string;
    account_id: string;
    created_at: string;
    expires_at: string;
  },
) {
  await db
    .insertInto('refresh_tokens')
    .values({ ...row, used_at: null })
    .execute();
}

/** An access token with its family's state. */
export function findAccessToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('access_tokens as t')
    .innerJoin('session_families as f', 'f.id', 't.family_id')
    .select([
      't.account_id',
      't.family_id',
      't.expires_at',
      'f.kind',
      'f.revoked_at',
      'f.expires_at as family_expires_at',
      'f.portal_user_id',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Moves an access token's end later (a portal session's idle deadline); a concurrent request
 * that moved it further already wins, and a token deleted by a revocation stays deleted.
 */
export async function extendAccessToken(db: Db, tokenHash: string, expiresAt: string) {
  await db
    .updateTable('access_tokens')
    .set({ expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '<', expiresAt)
    .execute();
}

/** A refresh token with its family's state. */
export function findRefreshToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('refresh_tokens as t')
    .innerJoin('session_families as f', 'f.id', 't.family_id')
    .select([
      't.account_id',
      't.family_id',
      't.expires_at',
      't.used_at',
      'f.revoked_at',
      'f.expires_at as family_expires_at',
      'f.portal_user_id',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Spends a refresh token; false when it was already spent (a replay). */
export async function spendRefreshToken(db: Db, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('refresh_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Ends a family: its access tokens are deleted and its refresh tokens stop working. */
export async function revokeFamily(db: Db, familyId: string, at: string, reason: string) {
  await db
    .updateTable('session_families')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
  await db.deleteFrom('access_tokens').where('family_id', '=', familyId).execute();
}

/** A session family row. */
export type FamilyRow = Selectable<SessionFamiliesTable>;

/** Newest first (index `session_families_account` of migration 0006). */
const NEWEST_FIRST: KeysetOrder<FamilyRow> = {
  list: 'sessions',
  columns: [
    { column: 'created_at', type: 'text', value: (row) => row.created_at },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'desc',
};

/** Whose sessions: the whole account's, or one personal user's only. */
export interface FamilyScope {
  accountId: string;
  portalUserId?: string | undefined;
}

/** The scope's live sessions of `kind` at `now`: neither revoked nor past their end. */
function liveFamilies(db: Db, scope: FamilyScope, kind: 'api' | 'portal', now: string) {
  return db
    .selectFrom('session_families')
    .where('account_id', '=', scope.accountId)
    .$if(scope.portalUserId !== undefined, (q) =>
      q.where('portal_user_id', '=', scope.portalUserId ?? ''),
    )
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
}

/** One page of the account's live sessions of `kind` at `now`, newest first (the portal's list). */
export function pageLiveFamilies(
  db: Db,
  scope: FamilyScope,
  kind: 'api' | 'portal',
  now: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<FamilyRow>> {
  return keysetPage(liveFamilies(db, scope, kind, now).selectAll(), NEWEST_FIRST, page);
}

/** How many live sessions of `kind` the account has at `now`. */
export async function countLiveFamilies(
  db: Db,
  scope: FamilyScope,
  kind: 'api' | 'portal',
  now: string,
) {
  const row = await liveFamilies(db, scope, kind, now)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return countOf(row);
}

/** One of the account's live sessions of `kind` at `now` (another account's id reads as unknown). */
export function findLiveFamily(
  db: Db,
  scope: FamilyScope,
  kind: 'api' | 'portal',
  now: string,
  id: string,
) {
  return liveFamilies(db, scope, kind, now).selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Ends every live session family of the account's administrator (API and portal) but
 * `keepFamilyId`: their access tokens are deleted and their refresh tokens stop working (a
 * password change or reset). Personal portal users' sessions, under their own passwords, stay.
 */
export async function revokeAccountFamilies(
  db: Db,
  accountId: string,
  at: string,
  reason: string,
  keepFamilyId?: string,
) {
  let families = db
    .updateTable('session_families')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('account_id', '=', accountId)
    .where('portal_user_id', 'is', null)
    .where('revoked_at', 'is', null);
  if (keepFamilyId) families = families.where('id', '!=', keepFamilyId);
  await families.execute();
  let tokens = db
    .deleteFrom('access_tokens')
    .where('account_id', '=', accountId)
    .where('family_id', 'in', (eb) =>
      eb
        .selectFrom('session_families')
        .select('id')
        .where('account_id', '=', accountId)
        .where('portal_user_id', 'is', null),
    );
  if (keepFamilyId) tokens = tokens.where('family_id', '!=', keepFamilyId);
  await tokens.execute();
}
