import type { FastifyInstance } from 'fastify';
import { declarantApi } from '@passerelle/contracts';
import { routeRegistrar } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import type { SessionGuard } from '../auth/session-guard';
import { lookupPasswordLink, usePasswordLink } from './passwords.service';
import { createResetLink, createUser, setUserStatus, userPage } from './users.service';

const api = declarantApi.users;

/** Users management (administrators) and the one-time password links (anyone holding one). */
export function registerUsersRoutes(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  const route = routeRegistrar(app, guard.authorize);
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
