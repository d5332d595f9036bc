import type { FastifyInstance } from 'fastify';
import { createAccountRequest, verifyEmailRequest } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { requireBearer } from '../sessions/bearer';
import { issueConfidentialCode } from '../subscription/subscription.service';
import { createAccount, toAccountView, verifyEmail } from './accounts.service';

/** API v1 accounts: creation (for automation; people use the portal) and the current account. */
export function registerAccountsRoutes(app: FastifyInstance, ctx: PartnerContext) {
  app.post('/api/v1/accounts', async (request, reply) => {
    const input = parseInput(createAccountRequest, request.body);
    const account = await createAccount(ctx, input);
    return reply.code(201).send({ account: await toAccountView(ctx, account) });
  });

  app.post('/api/v1/accounts/verification', async (request) => {
    const { token } = parseInput(verifyEmailRequest, request.body);
    return { account: await toAccountView(ctx, await verifyEmail(ctx, token)) };
  });

  app.get('/api/v1/accounts/current', async (request) => {
    const { account } = await requireBearer(ctx, request);
    return { account: await toAccountView(ctx, account) };
  });

  app.post('/api/v1/accounts/current/confidential-code', async (request, reply) => {
    const { account } = await requireBearer(ctx, request);
    const sent = await issueConfidentialCode(ctx, account);
    return reply.code(201).send(sent);
  });
}
