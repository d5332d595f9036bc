import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import { lookupPasswordLink, usePasswordLink } from './passwords.service';
import { createResetLink, createUser, setUserStatus, userPage } from './users.service';

const api = declarantApi.users;

/** Users management (administrators) and the one-time password links (anyone holding one). */
export function registerUsersRoutes({ route, ctx }: DeclarantRoutes) {
  route(api.list, async ({ caller, query }) => userPage(ctx, caller.firm.id, query));

  route(api.create, async ({ caller, body, request }) => createUser(ctx, caller, body, request.ip));

  route(api.setStatus, async ({ caller, params, body, request }) => ({
    user: await setUserStatus(ctx, caller, params.id, body.status, request.ip),
  }));

  route(api.passwordReset, async ({ caller, params, request }) => ({
    link: await createResetLink(ctx, caller, params.id, request.ip),
  }));

  route(api.lookupPasswordToken, async ({ body }) => lookupPasswordLink(ctx, body.token));

  route(api.usePasswordToken, async ({ body, request }) => {
    await usePasswordLink(ctx, body, request.ip);
    return undefined;
  });
}
