import type { FastifyInstance } from 'fastify';
import { updateFirmSettingsRequest, type FirmSettings } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
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
  app.get('/api/firm/settings', async (request): Promise<FirmSettings> => {
    const caller = await guard.requireUser(request);
    return firmSettings(ctx, caller.firm.id);
  });

  app.put('/api/firm/settings', async (request): Promise<FirmSettings> => {
    const caller = await guard.requireAdmin(request);
    const input = parseInput(updateFirmSettingsRequest, request.body);
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
