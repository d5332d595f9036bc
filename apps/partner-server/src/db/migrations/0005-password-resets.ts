import type { Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * Password reset links of client accounts (issue #13): hashed tokens, single use, deleted with
 * their account. Unverified accounts need no change: they now expire from their `created_at`.
 */
export const migration0005: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('password_resets')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createIndex('password_resets_account')
      .on('password_resets')
      .column('account_id')
      .execute();
  },
};
