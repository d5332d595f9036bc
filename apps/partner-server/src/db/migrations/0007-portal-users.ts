import type { Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * Personal portal users (issue #13 item 5): people invited by a client account's administrator,
 * each with their own password; the session families and certificates obtained through their
 * sign-in name them (`portal_user_id`, null for the administrator), so revoking one person ends
 * exactly their sessions and certificates. `audit_events` records invitations, acceptances and
 * revocations per account.
 */
export const migration0007: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('portal_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      // Lower-cased; unique among users (accounts' addresses are checked by the service).
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'text', (c) => c.notNull())
      // SHA-256 of the pending invitation link's token; null once used or revoked.
      .addColumn('invitation_token_hash', 'text', (c) => c.unique())
      .addColumn('invitation_expires_at', 'text')
      .addColumn('activated_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    // The administrator's "Utilisateurs" list, by address.
    await db.schema
      .createIndex('portal_users_account_email')
      .on('portal_users')
      .columns(['account_id', 'email', 'id'])
      .execute();
    await db.schema.alterTable('session_families').addColumn('portal_user_id', 'text').execute();
    await db.schema
      .createIndex('session_families_portal_user')
      .on('session_families')
      .column('portal_user_id')
      .execute();
    await db.schema.alterTable('signatures').addColumn('portal_user_id', 'text').execute();
    await db.schema
      .createIndex('signatures_portal_user')
      .on('signatures')
      .column('portal_user_id')
      .execute();
    await db.schema
      .createTable('audit_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      // The portal user who acted; null for the account's administrator (or nobody signed in).
      .addColumn('actor_user_id', 'text')
      .addColumn('subject_user_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_events_account_at')
      .on('audit_events')
      .columns(['account_id', 'at', 'id'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_events').execute();
    await db.schema.dropIndex('signatures_portal_user').execute();
    await db.schema.alterTable('signatures').dropColumn('portal_user_id').execute();
    await db.schema.dropIndex('session_families_portal_user').execute();
    await db.schema.alterTable('session_families').dropColumn('portal_user_id').execute();
    await db.schema.dropTable('portal_users').execute();
  },
};
