import type { Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/** One client-space connection per user: the sealed refresh token, never the password. */
export const migration0002: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('client_space_connections')
      .addColumn('user_id', 'text', (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('portal_email', 'text', (c) => c.notNull())
      .addColumn('refresh_token_sealed', 'text', (c) => c.notNull())
      .addColumn('connected_at', 'text', (c) => c.notNull())
      .addColumn('lost_reason', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
