import type { FastifyInstance } from 'fastify';
import {
  changeAccountPasswordRequest,
  createAccountRequest,
  passwordResetRequest,
  resetPasswordRequest,
  verifyEmailRequest,
} from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { assertAccountAdministrator } from '../portal-users/portal-users.service';
import { requireBearer } from '../sessions/bearer';
import { reissueConfidentialCode } from '../subscription/subscription.service';
import { toAccountView } from './accounts.service';
import { changeAccountPassword, requestPasswordReset, resetPassword } from './passwords.service';
import { registerAccount } from './registration.service';
import { verifyEmail } from './verification.service';

/**
 * API v1 accounts: registration and confirmation (for automation; people use the portal), the
 * current account, its code, and its password (change, and reset through an emailed link).
 */
export function registerAccountsRoutes(app: FastifyInstance, ctx: PartnerContext) {
  app.post('/api/v1/accounts', async (request, reply) => {
    const input = parseInput(createAccountRequest, request.body);
    return reply.code(202).send(await registerAccount(ctx, input, request.ip));
  });

  app.post('/api/v1/accounts/verification', async (request) => {
    const input = parseInput(verifyEmailRequest, request.body);
    return { account: await toAccountView(ctx, await verifyEmail(ctx, input, request.ip)) };
  });

  app.get('/api/v1/accounts/current', async (request) => {
    const { account } = await requireBearer(ctx, request);
    return { account: await toAccountView(ctx, account) };
  });

  app.post('/api/v1/accounts/current/confidential-code', async (request, reply) => {
    const caller = await requireBearer(ctx, request);
    assertAccountAdministrator(caller);
    const sent = await reissueConfidentialCode(ctx, caller.account);
    return reply.code(201).send(sent);
  });

  app.post('/api/v1/accounts/current/password', async (request, reply) => {
    const caller = await requireBearer(ctx, request);
    assertAccountAdministrator(caller);
    const input = parseInput(changeAccountPasswordRequest, request.body);
    await changeAccountPassword(ctx, caller, input, request.ip);
    return reply.code(204).send();
  });

  app.post('/api/v1/password-resets', async (request, reply) => {
    const { email } = parseInput(passwordResetRequest, request.body);
    return reply.code(202).send(await requestPasswordReset(ctx, email, request.ip));
  });

  app.post('/api/v1/password-resets/use', async (request, reply) => {
    const input = parseInput(resetPasswordRequest, request.body);
    await resetPassword(ctx, input);
    return reply.code(204).send();
  });
}
