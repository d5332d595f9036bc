import type { Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * What several declarant instances share about the partner (issue #15): the access token of
 * each client-space connection, sealed like its refresh token (any instance uses it until it
 * expires), and the leases that keep one partner exchange per user at a time across instances.
 */
export const migration0009: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('client_space_connections')
      .addColumn('access_token_sealed', 'text')
      .execute();
    await db.schema
      .alterTable('client_space_connections')
      .addColumn('access_token_expires_at', 'text')
      .execute();
    await db.schema
      .createTable('leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
