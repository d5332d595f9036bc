import type { Kysely, Selectable, Transaction } from 'kysely';
import type { UserStatus } from '@passerelle/contracts';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
import type { Dialect } from '@passerelle/server-kit';
import type { DeclarantDatabase, UsersTable } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
/** A user row as stored. */
export type UserRow = Selectable<UsersTable>;

/** The user with this id, if any. */
export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user with this (already lower-cased) email, if any. */
export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** By last then first name (index `users_firm_name` of migration 0008). */
const BY_NAME: KeysetOrder<UserRow> = {
  list: 'users',
  columns: [
    { column: 'last_name', type: 'text', value: (row) => row.last_name },
    { column: 'first_name', type: 'text', value: (row) => row.first_name },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'asc',
};

/** One page of the firm's users, by last then first name. */
export function pageUsers(
  db: Db,
  firmId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<UserRow>> {
  return keysetPage(
    db.selectFrom('users').selectAll().where('firm_id', '=', firmId),
    BY_NAME,
    page,
  );
}

/** How many users the firm has. */
export async function countUsers(db: Db, firmId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('firm_id', '=', firmId)
    .executeTakeFirst();
  return countOf(row);
}

/** Inserts a user row. */
export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Sets a user's status. */
export async function updateUserStatus(db: Db, id: string, status: UserStatus, at: string) {
  await db.updateTable('users').set({ status, updated_at: at }).where('id', '=', id).execute();
}

/** Replaces a user's password hash. */
export async function updatePasswordHash(db: Db, id: string, passwordHash: string, at: string) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Number of active administrators of the firm. In a transaction on PostgreSQL their rows stay
 * locked until it ends: two concurrent deactivations cannot each see the other one still active.
 */
export async function countActiveAdministrators(
  db: Db,
  firmId: string,
  dialect: Dialect,
): Promise<number> {
  const admins = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.and({ firm_id: firmId, role: 'administrator', status: 'active' }))
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .execute();
  return admins.length;
}

/** The firm of the instance (one firm per installation), if setup is done. */
export function findFirm(db: Db) {
  return db.selectFrom('firms').selectAll().orderBy('created_at').executeTakeFirst();
}

/** "M'envoyer un email quand une déclaration que j'ai envoyée est acceptée ou rejetée". */
export async function updateNotifySendingResults(db: Db, id: string, on: boolean) {
  await db
    .updateTable('users')
    .set({ notify_sending_results: on ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}
