import { sql, type Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * Why a session was ended by someone else (issue #12): a deactivated user's next request is
 * told "Votre compte est inactif" instead of "session expirée". A row is never a session: it
 * only answers once, and is forgotten at the session's own absolute end.
 */
export const migration0007: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('session_endings')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('deactivated')`))
      .addColumn('ended_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('session_endings_expires_at')
      .on('session_endings')
      .column('expires_at')
      .execute();
  },
};
