import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import {
  connectClientSpace,
  disconnectClientSpace,
  getClientSpaceStatus,
} from './client-space.service';

const api = declarantApi.clientSpace;

/** The signed-in user's client-space connection ("Espace client" on "Compte utilisateur"). */
export function registerClientSpaceRoutes({ route, ctx }: DeclarantRoutes) {
  route(api.status, async ({ caller }) => getClientSpaceStatus(ctx, caller.user.id));
  route(api.connect, async ({ caller, body, request }) =>
    connectClientSpace(ctx, caller, body, request.ip),
  );
  route(api.disconnect, async ({ caller, request }) =>
    disconnectClientSpace(ctx, caller, request.ip),
  );
}
