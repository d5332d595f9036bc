import type { FastifyRequest } from 'fastify';
import type { EndpointAccess } from '@passerelle/contracts';
import type { PartnerContext } from '../context';
import { assertAccountAdministrator } from '../portal-users/portal-users.service';
import { requireBearer } from './bearer';
import type { PartnerCaller } from './sessions.service';

/**
 * The caller of an API v1 endpoint of this access: nobody for a public one, the bearer token's
 * caller otherwise (401 without a valid one), the account's administrator only for
 * `administrator` (403 for its personal users).
 */
export function authorizeApiCaller(ctx: PartnerContext) {
  return async (
    request: FastifyRequest,
    access: EndpointAccess,
  ): Promise<PartnerCaller | undefined> => {
    if (access === 'public') return undefined;
    const caller = await requireBearer(ctx, request);
    if (access === 'administrator') assertAccountAdministrator(caller);
    return caller;
  };
}
