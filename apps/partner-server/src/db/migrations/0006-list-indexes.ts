import type { Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * Indexes of the paged lists (issue #12): each serves one list's keyset order (sort key, then
 * id) after the account, so a page reads `limit + 1` index entries wherever it starts. The API's
 * deposits by change already have `deposits_account_updated` (0002).
 */
export const migration0006: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    // The portal's "Dépôts", newest received first.
    await db.schema
      .createIndex('deposits_account_received')
      .on('deposits')
      .columns(['account_id', 'received_at', 'id'])
      .execute();
    // `GET /api/v1/signatures` and the portal's "Signatures", newest first.
    await db.schema
      .createIndex('signatures_account_issued')
      .on('signatures')
      .columns(['account_id', 'issued_at', 'serial'])
      .execute();
    // The portal's "Connexions des logiciels" (live API sessions), newest first.
    await db.schema
      .createIndex('session_families_account')
      .on('session_families')
      .columns(['account_id', 'kind', 'created_at', 'id'])
      .execute();
  },
};
