import type { Kysely } from 'kysely';
import { createPackTables } from '@passerelle/campaign-packs';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * Campaign packs installed by the partner's operator (issue #16): the simulated DGFiP checks
 * deposits against the millésimes they serve, shared by every instance.
 */
export const migration0008: VersionedMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await createPackTables(db, dialect);
  },
};
