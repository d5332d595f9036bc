import { z } from 'zod';
import { defineEndpoint, fileContent } from '../../endpoint';
import {
  issuedSignatureSchema,
  issueSignatureRequest,
  listPartnerSignaturesQuery,
  partnerSignaturePageSchema,
  revokeSignatureRequest,
  signaturePolicySchema,
  signatureSchema,
} from '../../partner';
import { BEARER } from './common';

/** `:serial`, a certificate serial in hexadecimal. */
export const serialParams = z.object({
  serial: z.string().regex(/^[0-9a-fA-F]{2,40}$/, { error: 'Numéro de série invalide.' }),
});

/** API v1: the signature policy, issuance, list and revocation, the CA certificate and CRL. */
export const signaturesEndpoints = {
  policy: defineEndpoint({
    method: 'GET',
    path: '/api/v1/signature-policy',
    summary: 'Durées de validité proposées et types de clés acceptés',
    access: 'public',
    response: signaturePolicySchema,
    errors: [],
  }),
  issue: defineEndpoint({
    method: 'POST',
    path: '/api/v1/signatures',
    summary: 'Émettre une signature (certificat) à partir d’un CSR PKCS#10 et du code confidentiel',
    access: 'user',
    body: issueSignatureRequest,
    status: 201,
    response: issuedSignatureSchema,
    errors: [
      ...BEARER,
      'VALIDATION_ERROR',
      'CSR_INVALID',
      'KEY_REJECTED',
      'VALIDITY_NOT_ALLOWED',
      'CONFIDENTIAL_CODE_INVALID',
      'NOT_SUBSCRIBED',
      'RATE_LIMITED',
    ],
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/signatures',
    summary:
      'Les signatures du compte, de la plus récente à la plus ancienne, par pages : limit (50 par défaut, 200 au plus) et cursor (le nextCursor de la page précédente) ; total sur la première page',
    access: 'user',
    query: listPartnerSignaturesQuery,
    response: partnerSignaturePageSchema,
    errors: [...BEARER, 'VALIDATION_ERROR'],
  }),
  revoke: defineEndpoint({
    method: 'POST',
    path: '/api/v1/signatures/:serial/revocation',
    summary: 'Révoquer une signature du compte',
    access: 'user',
    params: serialParams,
    // The body may be left out: the reason is then "unspecified".
    body: revokeSignatureRequest.default({ reason: 'unspecified' }),
    response: z.object({ signature: signatureSchema }),
    errors: [...BEARER, 'VALIDATION_ERROR', 'NOT_FOUND', 'ALREADY_REVOKED', 'FORBIDDEN'],
  }),
  caCertificate: defineEndpoint({
    method: 'GET',
    path: '/api/v1/ca',
    summary: 'Certificat de l’autorité de certification (PEM)',
    access: 'public',
    response: fileContent('Certificat PEM', 'application/x-pem-file'),
    errors: [],
  }),
  crl: defineEndpoint({
    method: 'GET',
    path: '/api/v1/crl',
    summary: 'Liste de révocation signée (DER)',
    access: 'public',
    response: fileContent('CRL DER', 'application/pkix-crl'),
    errors: [],
  }),
};
