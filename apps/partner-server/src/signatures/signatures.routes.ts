import type { FastifyInstance } from 'fastify';
import { partnerApi } from '@passerelle/contracts';
import { ACCEPTED_KEY_TYPES } from '@passerelle/pki';
import { routeRegistrar } from '@passerelle/server-kit';
import { currentCrl } from '../ca/crl.service';
import type { PartnerContext } from '../context';
import { authorizeApiCaller } from '../sessions/api-authorize';
import {
  issueSignature,
  revokeSignature,
  signaturePage,
  toSignatureView,
} from './signatures.service';

const endpoints = partnerApi.signatures;

/** API v1: signature policy, issuance, list, revocation, and the CA certificate and CRL. */
export function registerSignaturesRoutes(app: FastifyInstance, ctx: PartnerContext) {
  const route = routeRegistrar(app, authorizeApiCaller(ctx));

  route(endpoints.policy, async () => ({
    validityMonths: [...ctx.config.validityMonths],
    keyTypes: [...ACCEPTED_KEY_TYPES],
  }));

  route(endpoints.issue, async ({ caller, body }) => {
    const { row, chainPem } = await issueSignature(ctx, caller, body);
    return {
      signature: toSignatureView(row, ctx.now()),
      certificatePem: row.certificate_pem,
      chainPem,
    };
  });

  route(endpoints.list, async ({ caller, query }) => signaturePage(ctx, caller.account, query));

  route(endpoints.revoke, async ({ caller, params, body }) => ({
    signature: await revokeSignature(ctx, caller, params.serial, body),
  }));

  route(endpoints.caCertificate, async ({ reply }) =>
    reply.type('application/x-pem-file').send(ctx.ca.certificatePem),
  );

  route(endpoints.crl, async ({ reply }) =>
    reply.type('application/pkix-crl').send(await currentCrl(ctx)),
  );
}
