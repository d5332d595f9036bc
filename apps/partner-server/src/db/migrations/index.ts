import type { VersionedMigration } from '@passerelle/server-kit';
import { migration0001 } from './0001-accounts-codes-ca';
import { migration0002 } from './0002-deposits';
import { migration0003 } from './0003-deposit-uniqueness';
import { migration0004 } from './0004-session-lifetimes';
import { migration0005 } from './0005-password-resets';
import { migration0006 } from './0006-list-indexes';
import { migration0007 } from './0007-portal-users';
import { migration0008 } from './0008-campaign-packs';

/** Every migration of the partner, by name; names sort in the order they apply. */
export const partnerMigrations: Record<string, VersionedMigration> = {
  '0001-accounts-codes-ca': migration0001,
  '0002-deposits': migration0002,
  '0003-deposit-uniqueness': migration0003,
  '0004-session-lifetimes': migration0004,
  '0005-password-resets': migration0005,
  '0006-list-indexes': migration0006,
  '0007-portal-users': migration0007,
  '0008-campaign-packs': migration0008,
};
