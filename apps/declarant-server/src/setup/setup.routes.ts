import { declarantApi } from '@passerelle/contracts';
import { setSessionCookie } from '../auth/session-cookie';
import type { DeclarantRoutes } from '../http/feature-routes';
import { toCurrentUser } from '../users/current-user';
import { completeSetup, isSetupNeeded } from './setup.service';

const api = declarantApi.auth;

/** The health probe; the first start: is it still needed, and completing it with the printed one-time link. */
export function registerSetupRoutes({ route, ctx }: DeclarantRoutes) {
  route(api.health, async () => ({ status: 'ok' }));
  route(api.setupStatus, async () => ({ needed: await isSetupNeeded(ctx) }));
  route(api.setup, async ({ body, request, reply }) => {
    const { user, token } = await completeSetup(ctx, body, request.ip);
    setSessionCookie(reply, ctx.config, token);
    return { user: await toCurrentUser(ctx, user) };
  });
}
