import type { VersionedMigration } from '@passerelle/server-kit';
import { migration0001 } from './0001-users-sessions-audit';
import { migration0002 } from './0002-client-space';
import { migration0003 } from './0003-signatures';
import { migration0004 } from './0004-dossiers-declarations';
import { migration0005 } from './0005-firm-siret';
import { migration0006 } from './0006-sending';
import { migration0007 } from './0007-session-endings';
import { migration0008 } from './0008-list-indexes';
import { migration0009 } from './0009-partner-gateway';
import { migration0010 } from './0010-campaign-packs';

/** Every migration of the declarant, by name; names sort in the order they apply. */
export const declarantMigrations: Record<string, VersionedMigration> = {
  '0001-users-sessions-audit': migration0001,
  '0002-client-space': migration0002,
  '0003-signatures': migration0003,
  '0004-dossiers-declarations': migration0004,
  '0005-firm-siret': migration0005,
  '0006-sending': migration0006,
  '0007-session-endings': migration0007,
  '0008-list-indexes': migration0008,
  '0009-partner-gateway': migration0009,
  '0010-campaign-packs': migration0010,
};
