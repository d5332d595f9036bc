import type { Kysely } from 'kysely';
import type { AuditAction } from '@passerelle/contracts';
import { keysetPage, type KeysetOrder } from '@passerelle/server-kit';
import type { DeclarantDatabase } from '../db/schema';

/** One event to append; `details` must never hold a secret. */
export interface NewAuditEvent {
  action: AuditAction;
  actorUserId?: string | null;
  targetUserId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Appends an event (the table refuses updates and deletes). */
export async function appendAuditEvent(
  db: Kysely<DeclarantDatabase>,
  event: NewAuditEvent,
  at: Date,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: at.toISOString(),
      action: event.action,
      actor_user_id: event.actorUserId ?? null,
      target_user_id: event.targetUserId ?? null,
      ip: event.ip ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** Newest first: `seq` is the primary key and grows with every append. */
const NEWEST_FIRST: KeysetOrder<{ seq: number }> = {
  list: 'audit',
  columns: [{ column: 'e.seq', type: 'integer', value: (row) => Number(row.seq) }],
  direction: 'desc',
};

/** A page of events, newest first, with the actor's and target's emails. */
export function pageAuditEvents(
  db: Kysely<DeclarantDatabase>,
  page: { limit: number; cursor?: string | undefined },
) {
  const query = db
    .selectFrom('audit_events as e')
    .leftJoin('users as actor', 'actor.id', 'e.actor_user_id')
    .leftJoin('users as target', 'target.id', 'e.target_user_id')
    .select([
      'e.seq',
      'e.at',
      'e.action',
      'e.ip',
      'e.details',
      'actor.id as actor_id',
      'actor.email as actor_email',
      'target.id as target_id',
      'target.email as target_email',
    ]);
  return keysetPage(query, NEWEST_FIRST, page);
}
