import type { AuditAction } from '@passerelle/contracts';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { appendAuditEvent } from './audit.repository';

/** Appends, now, an event done by the signed-in caller from `ip`; `details` never hold a secret. */
export function recordAction(
  ctx: AppContext,
  caller: Caller,
  ip: string,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  return appendAuditEvent(ctx.db, { action, actorUserId: caller.user.id, ip, details }, ctx.now());
}
