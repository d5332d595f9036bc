import { partnerApi } from '@passerelle/contracts';
import { ACCEPTED_KEY_TYPES } from '@passerelle/pki';
import { currentCrl } from '../ca/crl.service';
import type { PartnerRoutes } from '../api-routes';
import {
  issueSignature,
  revokeSignature,
  signaturePage,
  toSignatureView,
} from './signatures.service';

const endpoints = partnerApi.signatures;

/** API v1: signature policy, issuance, list, revocation, and the CA certificate and CRL. */
export function registerSignaturesRoutes({ route, ctx }: PartnerRoutes) {
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
