import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import { pageAuditEvents } from './audit.repository';

/** `GET /api/audit-events`: the administrator reads the audit log, newest first, by pages. */
export function registerAuditRoutes({ route, ctx }: DeclarantRoutes) {
  route(declarantApi.users.auditEvents, async ({ query }) => {
    const { rows, nextCursor } = await pageAuditEvents(ctx.db, query);
    const items = rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      action: row.action,
      actor: row.actor_id && row.actor_email ? { id: row.actor_id, email: row.actor_email } : null,
      target:
        row.target_id && row.target_email ? { id: row.target_id, email: row.target_email } : null,
      ip: row.ip,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
    // Never counted: the log only grows (a count would read all of it) and is read by date.
    return { items, nextCursor, total: null };
  });
}
