import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  issueSignatureRequest,
  listPartnerSignaturesQuery,
  revokeSignatureRequest,
  type PartnerSignaturePage,
  type IssuedSignature,
  type SignaturePolicy,
} from '@passerelle/contracts';
import { ACCEPTED_KEY_TYPES } from '@passerelle/pki';
import { parseInput } from '@passerelle/server-kit';
import { currentCrl } from '../ca/crl.service';
import type { PartnerContext } from '../context';
import { requireBearer } from '../sessions/bearer';
import {
  issueSignature,
  revokeSignature,
  signaturePage,
  toSignatureView,
} from './signatures.service';

const serialParams = z.object({
  serial: z.string().regex(/^[0-9a-fA-F]{2,40}$/, { error: 'Numéro de série invalide.' }),
});

/** API v1: signature policy, issuance, list, revocation, and the CA certificate and CRL. */
export function registerSignaturesRoutes(app: FastifyInstance, ctx: PartnerContext) {
  app.get('/api/v1/signature-policy', async (): Promise<SignaturePolicy> => ({
    validityMonths: [...ctx.config.validityMonths],
    keyTypes: [...ACCEPTED_KEY_TYPES],
  }));

  app.post('/api/v1/signatures', async (request, reply) => {
    const caller = await requireBearer(ctx, request);
    const input = parseInput(issueSignatureRequest, request.body);
    const { row, chainPem } = await issueSignature(ctx, caller, input);
    const body: IssuedSignature = {
      signature: toSignatureView(row, ctx.now()),
      certificatePem: row.certificate_pem,
      chainPem,
    };
    return reply.code(201).send(body);
  });

  app.get('/api/v1/signatures', async (request): Promise<PartnerSignaturePage> => {
    const { account } = await requireBearer(ctx, request);
    return signaturePage(ctx, account, parseInput(listPartnerSignaturesQuery, request.query));
  });

  app.post('/api/v1/signatures/:serial/revocation', async (request) => {
    const caller = await requireBearer(ctx, request);
    const { serial } = parseInput(serialParams, request.params);
    const input = parseInput(revokeSignatureRequest, request.body ?? {});
    return { signature: await revokeSignature(ctx, caller, serial, input) };
  });

  app.get('/api/v1/ca', async (_request, reply) =>
    reply.type('application/x-pem-file').send(ctx.ca.certificatePem),
  );

  app.get('/api/v1/crl', async (_request, reply) =>
    reply.type('application/pkix-crl').send(await currentCrl(ctx)),
  );
}
