import type { Kysely } from 'kysely';
import type { DeclarantDatabase } from '../db/schema';
import { appendAuditEvent } from '../audit/audit.repository';

/** The firm's settings as stored: `test_mode` is 0 or 1, the SIRET null until given. */
export function findFirmSettings(db: Kysely<DeclarantDatabase>, firmId: string) {
  return db
    .selectFrom('firms')
    .select(['test_mode', 'siret'])
    .where('id', '=', firmId)
    .executeTakeFirst();
}

/**
 * Changes the given settings (an absent one stays as it is) and writes one audit event per
 * setting given, in one transaction: a setting never changes without its event.
 */
export async function saveFirmSettings(
  db: Kysely<DeclarantDatabase>,
  input: {
    firmId: string;
    testMode?: boolean | undefined;
    siret?: string | null | undefined;
    actorUserId: string;
    ip: string;
    at: Date;
  },
): Promise<void> {
  const changes = {
    ...(input.testMode === undefined ? {} : { test_mode: input.testMode ? 1 : 0 }),
    ...(input.siret === undefined ? {} : { siret: input.siret }),
  };
  if (Object.keys(changes).length === 0) return;
  const actor = { actorUserId: input.actorUserId, ip: input.ip };
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('firms').set(changes).where('id', '=', input.firmId).execute();
    if (input.testMode !== undefined) {
      await appendAuditEvent(
        tx,
        { action: 'firm.test_mode_changed', ...actor, details: { testMode: input.testMode } },
        input.at,
      );
    }
    if (input.siret !== undefined) {
      await appendAuditEvent(
        tx,
        { action: 'firm.siret_changed', ...actor, details: { siret: input.siret } },
        input.at,
      );
    }
  });
}
