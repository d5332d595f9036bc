// The tables of the pack store, created by a migration of each app (declarant, partner).
import type { Kysely } from 'kysely';
import type { Dialect } from '@passerelle/server-kit';

/** The pack store's tables as Kysely sees them. */
export interface PackTables {
  campaign_packs: {
    id: string;
    campaign: string;
    edition: number;
    /** The millésimes the pack serves, comma-separated (`26`, `25,24,23`). */
    millesimes: string;
    source: string;
    published_at: string | null;
    installed_at: string;
    /** Who installed it: a user id on the declarant, `operator` on the partner. */
    installed_by: string;
    /** The manifest as installed (JSON). */
    manifest: string;
  };
  campaign_pack_files: {
    pack_id: string;
    name: string;
    content: Uint8Array;
  };
}

/** Creates the store's tables; called from each app's migration. */
export async function createPackTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('campaign_packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign', 'text', (c) => c.notNull())
    .addColumn('edition', 'integer', (c) => c.notNull())
    .addColumn('millesimes', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .addColumn('installed_by', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addUniqueConstraint('campaign_packs_edition', ['campaign', 'edition'])
    .execute();
  await db.schema
    .createIndex('campaign_packs_newest')
    .on('campaign_packs')
    .columns(['installed_at', 'id'])
    .execute();
  await db.schema
    .createTable('campaign_pack_files')
    .addColumn('pack_id', 'text', (c) => c.notNull().references('campaign_packs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_pack_files_pk', ['pack_id', 'name'])
    .execute();
}
