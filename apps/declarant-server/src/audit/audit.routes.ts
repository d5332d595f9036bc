import type { FastifyInstance } from 'fastify';
import { auditQuery, type AuditPage } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import type { SessionGuard } from '../auth/session-guard';
import { listAuditEvents } from './audit.repository';

/** `GET /api/audit-events`: the administrator reads the audit log, newest first. */
export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  app.get('/api/audit-events', async (request): Promise<AuditPage> => {
    await guard.requireAdmin(request);
    const query = parseInput(auditQuery, request.query);
    const rows = await listAuditEvents(ctx.db, { before: query.before, limit: query.limit });
    const events = rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      action: row.action,
      actor: row.actor_id && row.actor_email ? { id: row.actor_id, email: row.actor_email } : null,
      target:
        row.target_id && row.target_email ? { id: row.target_id, email: row.target_email } : null,
      ip: row.ip,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
    const last = events.at(-1);
    return { events, nextBefore: events.length === query.limit && last ? last.seq : null };
  });
}
