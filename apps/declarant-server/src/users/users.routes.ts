import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createUserRequest,
  listUsersQuery,
  passwordTokenRequest,
  type UserPage,
  setUserStatusRequest,
  usePasswordTokenRequest,
} from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import type { SessionGuard } from '../auth/session-guard';
import { lookupPasswordLink, usePasswordLink } from './passwords.service';
import { createResetLink, createUser, setUserStatus, userPage } from './users.service';

const userIdParams = z.object({ id: z.uuid({ error: 'Utilisateur introuvable.' }) });

/** Users management (administrators) and the one-time password links (anyone holding one). */
export function registerUsersRoutes(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  app.get('/api/users', async (request): Promise<UserPage> => {
    const caller = await guard.requireAdmin(request);
    return userPage(ctx, caller.firm.id, parseInput(listUsersQuery, request.query));
  });

  app.post('/api/users', async (request, reply) => {
    const caller = await guard.requireAdmin(request);
    const input = parseInput(createUserRequest, request.body);
    return reply.code(201).send(await createUser(ctx, caller, input, request.ip));
  });

  app.patch('/api/users/:id/status', async (request) => {
    const caller = await guard.requireAdmin(request);
    const { id } = parseInput(userIdParams, request.params);
    const { status } = parseInput(setUserStatusRequest, request.body);
    return { user: await setUserStatus(ctx, caller, id, status, request.ip) };
  });

  app.post('/api/users/:id/password-reset', async (request, reply) => {
    const caller = await guard.requireAdmin(request);
    const { id } = parseInput(userIdParams, request.params);
    return reply.code(201).send({ link: await createResetLink(ctx, caller, id, request.ip) });
  });

  app.post('/api/password-tokens/lookup', async (request) => {
    const { token } = parseInput(passwordTokenRequest, request.body);
    return lookupPasswordLink(ctx, token);
  });

  app.post('/api/password-tokens/use', async (request, reply) => {
    const input = parseInput(usePasswordTokenRequest, request.body);
    await usePasswordLink(ctx, input, request.ip);
    return reply.code(204).send();
  });
}
