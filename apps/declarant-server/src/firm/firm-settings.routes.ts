import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import { saveFirmSettings } from './firm-settings.repository';
import { firmSettings } from './firm-settings.service';

/** The firm's settings: every user reads them, administrators change them. */
export function registerFirmSettingsRoutes({ route, ctx }: DeclarantRoutes) {
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
