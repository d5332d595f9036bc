import type { FastifyRequest } from 'fastify';
import type { PartnerContext } from '../context';
import { resolveAccessToken, type PartnerCaller } from './sessions.service';

/** The API caller from `Authorization: Bearer <access token>`; 401 otherwise. */
export function requireBearer(
  ctx: PartnerContext,
  request: FastifyRequest,
): Promise<PartnerCaller> {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  return resolveAccessToken(ctx, token, 'api');
}
