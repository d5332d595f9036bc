import { sql, type Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/** Each person's signatures (certificate + password-wrapped key) and the expiry reminders sent. */
export const migration0003: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('signatures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('serial', 'text', (c) => c.notNull().unique())
      .addColumn('key_type', 'text', (c) => c.notNull())
      .addColumn('holder_first_name', 'text', (c) => c.notNull())
      .addColumn('holder_last_name', 'text', (c) => c.notNull())
      .addColumn('holder_email', 'text', (c) => c.notNull())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('chain_pem', 'text', (c) => c.notNull())
      .addColumn('wrapped_key', 'text', (c) => c.notNull())
      .addColumn('not_before', 'text', (c) => c.notNull())
      .addColumn('not_after', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revocation_reason', 'text')
      .addColumn('failed_attempts', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`failed_attempts >= 0`),
      )
      .addColumn('locked_until', 'text')
      .addColumn('password_changed_at', 'text')
      .execute();
    await db.schema.createIndex('signatures_user_id').on('signatures').column('user_id').execute();
    await db.schema
      .createIndex('signatures_not_after')
      .on('signatures')
      .column('not_after')
      .execute();
    // One row per reminder: the primary key is what makes "never twice" hold across restarts
    // and across instances (the claim is an insert that only one can win).
    await db.schema
      .createTable('signature_reminders')
      .addColumn('signature_id', 'text', (c) =>
        c.notNull().references('signatures.id').onDelete('cascade'),
      )
      .addColumn('days_before', 'integer', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addPrimaryKeyConstraint('signature_reminders_pk', ['signature_id', 'days_before'])
      .execute();
  },
};
