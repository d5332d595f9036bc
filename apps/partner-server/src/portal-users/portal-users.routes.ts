import type { FastifyInstance } from 'fastify';
import { portalUserEndpoints as endpoints, type PortalUserAnswer } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { requireBearer } from '../sessions/bearer';
import {
  acceptPortalInvitation,
  invitePortalUser,
  portalUserPage,
  revokePortalUser,
} from './portal-users.service';

/** API v1 personal portal users: list, invite and revoke (administrator), accept an invitation. */
export function registerPortalUsersRoutes(app: FastifyInstance, ctx: PartnerContext) {
  app.get(endpoints.list.path, async (request) => {
    const caller = await requireBearer(ctx, request);
    return portalUserPage(ctx, caller, parseInput(endpoints.list.query, request.query));
  });

  app.post(endpoints.invite.path, async (request, reply) => {
    const caller = await requireBearer(ctx, request);
    const input = parseInput(endpoints.invite.request, request.body);
    const body: PortalUserAnswer = { user: await invitePortalUser(ctx, caller, input) };
    return reply.code(endpoints.invite.response.status).send(body);
  });

  app.post(endpoints.revoke.path, async (request): Promise<PortalUserAnswer> => {
    const caller = await requireBearer(ctx, request);
    const { id } = parseInput(endpoints.revoke.params, request.params);
    return { user: await revokePortalUser(ctx, caller, id) };
  });

  app.post(endpoints.accept.path, async (request, reply) => {
    const input = parseInput(endpoints.accept.request, request.body);
    const body: PortalUserAnswer = { user: await acceptPortalInvitation(ctx, input) };
    return reply.code(endpoints.accept.response.status).send(body);
  });
}
