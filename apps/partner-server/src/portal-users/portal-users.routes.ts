import { partnerApi } from '@passerelle/contracts';
import type { PartnerRoutes } from '../api-routes';
import {
  acceptPortalInvitation,
  invitePortalUser,
  portalUserPage,
  revokePortalUser,
} from './portal-users.service';

const endpoints = partnerApi.portalUsers;

/** API v1 personal portal users: list, invite and revoke (administrator), accept an invitation. */
export function registerPortalUsersRoutes({ route, ctx }: PartnerRoutes) {
  route(endpoints.list, async ({ caller, query }) => portalUserPage(ctx, caller, query));

  route(endpoints.invite, async ({ caller, body }) => ({
    user: await invitePortalUser(ctx, caller, body),
  }));

  route(endpoints.revoke, async ({ caller, params }) => ({
    user: await revokePortalUser(ctx, caller, params.id),
  }));

  route(endpoints.accept, async ({ body }) => ({ user: await acceptPortalInvitation(ctx, body) }));
}
