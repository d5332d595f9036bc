import { partnerApi } from '@passerelle/contracts';
import { toAccountView } from '../accounts/accounts.service';
import type { PartnerRoutes } from '../api-routes';
import { toSessionUser } from '../portal-users/portal-user-view';
import {
  authenticateAccount,
  closeTokenSession,
  openTokenSession,
  refreshTokenSession,
} from './sessions.service';

const endpoints = partnerApi.sessions;

/** API v1 sessions: sign in for tokens, rotate the refresh token, sign out. */
export function registerSessionsRoutes({ route, ctx }: PartnerRoutes) {
  route(endpoints.open, async ({ body, request }) => {
    const principal = await authenticateAccount(ctx, body, request.ip);
    const tokens = await openTokenSession(ctx, principal, 'api');
    return {
      ...tokens,
      account: await toAccountView(ctx, principal.account),
      user: toSessionUser(principal.user),
    };
  });

  route(endpoints.refresh, async ({ body }) => {
    const { account, user, tokens } = await refreshTokenSession(ctx, body.refreshToken);
    return { ...tokens, account: await toAccountView(ctx, account), user: toSessionUser(user) };
  });

  route(endpoints.close, async ({ caller }) => {
    await closeTokenSession(ctx, caller.familyId, 'signed_out');
    return undefined;
  });
}
