import type { Kysely } from 'kysely';
import { createPackTables } from '@passerelle/campaign-packs';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * Campaign packs installed by an administrator (issue #16), shared by every instance; each
 * declaration keeps the pack (campaign and edition) it was last validated with. Declarations
 * made before had only the built-in 2025 pack, edition 1.
 */
export const migration0010: VersionedMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await createPackTables(db, dialect);
    await db.schema.alterTable('declarations').addColumn('pack_campaign', 'text').execute();
    await db.schema.alterTable('declarations').addColumn('pack_edition', 'integer').execute();
    await (db as Kysely<{ declarations: { pack_campaign: string; pack_edition: number } }>)
      .updateTable('declarations')
      .set({ pack_campaign: '2025', pack_edition: 1 })
      .execute();
  },
};
