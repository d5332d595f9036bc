import type { FastifyInstance } from 'fastify';
import { declarantApi } from '@passerelle/contracts';
import { routeRegistrar } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import { firmSettings } from './firm-settings.service';

/** The firm's settings: every user reads them, administrators change them. */
export function registerFirmSettingsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  const route = routeRegistrar(app, guard.authorize);
  route(declarantApi.dossiers.firmSettings, async ({ caller }) =>
    firmSettings(ctx, caller.firm.id),
  );

  route(declarantApi.dossiers.saveFirmSettings, async ({ caller, body: input, request }) => {
    const changes = {
      ...(input.testMode === undefined ? {} : { test_mode: input.testMode ? 1 : 0 }),
      ...(input.siret === undefined ? {} : { siret: input.siret }),
    };
    if (Object.keys(changes).length > 0) {
      await ctx.db.updateTable('firms').set(changes).where('id', '=', caller.firm.id).execute();
    }
    if (input.testMode !== undefined) {
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
    }
    if (input.siret !== undefined) {
      await appendAuditEvent(
        ctx.db,
        {
          action: 'firm.siret_changed',
          actorUserId: caller.user.id,
          ip: request.ip,
          details: { siret: input.siret },
        },
        ctx.now(),
      );
    }
    return firmSettings(ctx, caller.firm.id);
  });
}
