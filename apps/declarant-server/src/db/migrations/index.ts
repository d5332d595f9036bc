import type { VersionedMigration } from '@passerelle/server-kit';
import { migration0001 } from './0001-users-sessions-audit';

/** Every migration of the declarant, by name; names sort in the order they apply. */
export const declarantMigrations: Record<string, VersionedMigration> = {
  '0001-users-sessions-audit': migration0001,
};
