import type { VersionedMigration } from '@passerelle/server-kit';
import { migration0001 } from './0001-accounts-codes-ca';

/** Every migration of the partner, by name; names sort in the order they apply. */
export const partnerMigrations: Record<string, VersionedMigration> = {
  '0001-accounts-codes-ca': migration0001,
};
