import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changeSignaturePasswordRequest,
  createSignatureRequest,
  exportSignatureRequest,
  listSignaturesQuery,
  revokeSignatureRequest,
  type SignatureOptions,
  type SignaturePage,
} from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import { createSignature } from './create-signature.service';
import {
  changeSignaturePassword,
  exportSignature,
  revokeSignature,
  signatureOptions,
  signaturePage,
} from './signature-actions.service';

const idParams = z.object({ id: z.uuid({ error: 'Signature introuvable.' }) });

/** "Signatures" of "Compte utilisateur", and the administrator's view of the firm's. */
export function registerSignaturesRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  app.get('/api/me/signatures', async (request): Promise<SignaturePage> => {
    const caller = await guard.requireUser(request);
    return signaturePage(ctx, caller.user.id, parseInput(listSignaturesQuery, request.query));
  });

  app.get('/api/me/signature-options', async (request): Promise<SignatureOptions> => {
    const caller = await guard.requireUser(request);
    return signatureOptions(ctx, caller.user.id);
  });

  app.post('/api/me/signatures', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const input = parseInput(createSignatureRequest, request.body);
    const signature = await createSignature(ctx, caller, input, request.ip);
    return reply.code(201).send({ signature });
  });

  app.get('/api/signatures', async (request): Promise<SignaturePage> => {
    await guard.requireAdmin(request);
    return signaturePage(ctx, undefined, parseInput(listSignaturesQuery, request.query));
  });

  app.post('/api/signatures/:id/revocation', async (request) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(revokeSignatureRequest, request.body ?? {});
    return { signature: await revokeSignature(ctx, caller, id, input, request.ip) };
  });

  app.post('/api/signatures/:id/password', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(changeSignaturePasswordRequest, request.body);
    await changeSignaturePassword(ctx, caller, id, input, request.ip);
    return reply.code(204).send();
  });

  app.post('/api/signatures/:id/export', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(exportSignatureRequest, request.body);
    const { filename, der } = await exportSignature(ctx, caller, id, input, request.ip);
    return reply
      .type('application/x-pkcs12')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(der);
  });
}
