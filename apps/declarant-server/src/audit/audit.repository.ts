import type { Kysely } from 'kysely';
import type { AuditAction } from '@passerelle/contracts';
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

/** A page of events, newest first, with the actor's and target's emails. */
export async function listAuditEvents(
  db: Kysely<DeclarantDatabase>,
  options: { before: number | undefined; limit: number },
) {
  let query = db
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
    ])
    .orderBy('e.seq', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('e.seq', '<', options.before);
  return query.execute();
}
