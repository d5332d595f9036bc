import type { FastifyInstance } from 'fastify';
import { firmSettingsSchema, type FirmSettings } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';

/** Whether the firm's interchanges are tests ("mode test"); read by the interchange writer. */
export async function firmTestMode(ctx: AppContext, firmId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('firms')
    .select('test_mode')
    .where('id', '=', firmId)
    .executeTakeFirst();
  return Number(row?.test_mode ?? 0) === 1;
}

/** The firm's settings: every user reads them, administrators change them. */
export function registerFirmSettingsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  app.get('/api/firm/settings', async (request): Promise<FirmSettings> => {
    const caller = await guard.requireUser(request);
    return { testMode: await firmTestMode(ctx, caller.firm.id) };
  });

  app.put('/api/firm/settings', async (request): Promise<FirmSettings> => {
    const caller = await guard.requireAdmin(request);
    const input = parseInput(firmSettingsSchema, request.body);
    await ctx.db
      .updateTable('firms')
      .set({ test_mode: input.testMode ? 1 : 0 })
      .where('id', '=', caller.firm.id)
      .execute();
    await appendAuditEvent(
      ctx.db,
      {
        action: 'firm.test_mode_changed',
        actorUserId: caller.user.id,
        ip: request.ip,
        details: { testMode: input.testMode },
      },
      ctx.now(),
    );
    return { testMode: input.testMode };
  });
}
