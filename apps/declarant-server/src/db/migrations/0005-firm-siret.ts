import type { Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/** The firm's SIRET: the rédacteur named in every interchange it writes. */
export const migration0005: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('firms').addColumn('siret', 'text').execute();
  },
};
