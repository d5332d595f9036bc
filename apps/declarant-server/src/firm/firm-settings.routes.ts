import type { FastifyInstance } from 'fastify';
import { declarantApi } from '@passerelle/contracts';
import { routeRegistrar } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import { saveFirmSettings } from './firm-settings.repository';
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
    await saveFirmSettings(ctx.db, {
      firmId: caller.firm.id,
      testMode: input.testMode,
      siret: input.siret,
      actorUserId: caller.user.id,
      ip: request.ip,
      at: ctx.now(),
    });
    return firmSettings(ctx, caller.firm.id);
  });
}
