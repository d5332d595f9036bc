import { z } from 'zod';
import { defineEndpoint, fileContent } from '../../endpoint';
import { revokeSignatureRequest } from '../../partner';
import {
  changeSignaturePasswordRequest,
  createSignatureRequest,
  declarantSignatureSchema,
  exportSignatureRequest,
  listSignaturesQuery,
  signatureOptionsSchema,
  signaturePageSchema,
} from '../../signatures';
import { ADMINISTRATOR, JSON_BODY, SIGNED_IN, idParams } from './common';

const signatureParams = idParams('Signature introuvable.');
const signatureAnswer = z.object({ signature: declarantSignatureSchema });
const PARTNER = ['CLIENT_SPACE_NOT_CONNECTED', 'PARTNER_UNAVAILABLE'] as const;
/** Refusals of what unlocks a signature's key with its password (and sets a new one). */
const UNLOCK = [
  ...JSON_BODY,
  ...SIGNED_IN,
  'NOT_FOUND',
  'FORBIDDEN',
  'WRONG_SIGNATURE_PASSWORD',
  'SIGNATURE_LOCKED',
  'WEAK_PASSWORD',
] as const;

/** Signatures of "Compte utilisateur", and the administrator's view of the firm's. */
export const signaturesEndpoints = {
  mine: defineEndpoint({
    method: 'GET',
    path: '/api/me/signatures',
    summary:
      'Une page des signatures de l’utilisateur connecté, de la plus récente à la plus ancienne',
    access: 'user',
    query: listSignaturesQuery,
    response: signaturePageSchema,
    errors: [...SIGNED_IN, 'VALIDATION_ERROR'],
  }),
  options: defineEndpoint({
    method: 'GET',
    path: '/api/me/signature-options',
    summary: 'Durées de validité et types de clé proposés, lus chez le partenaire',
    access: 'user',
    response: signatureOptionsSchema,
    errors: [...SIGNED_IN, ...PARTNER],
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/me/signatures',
    summary: 'Ajoute une signature (clé générée ici, certificat émis par le partenaire)',
    access: 'user',
    body: createSignatureRequest,
    status: 201,
    response: signatureAnswer,
    errors: [
      ...JSON_BODY,
      ...SIGNED_IN,
      ...PARTNER,
      'WEAK_PASSWORD',
      'CONFIDENTIAL_CODE_INVALID',
      'CONFIDENTIAL_CODE_LOCKED',
      'KEY_REJECTED',
      'VALIDITY_NOT_ALLOWED',
      'SIGNATURE_IN_PROGRESS',
      'RATE_LIMITED',
    ],
  }),
  firm: defineEndpoint({
    method: 'GET',
    path: '/api/signatures',
    summary: 'Une page des signatures du cabinet, de la plus récente à la plus ancienne',
    access: 'administrator',
    query: listSignaturesQuery,
    response: signaturePageSchema,
    errors: [...ADMINISTRATOR, 'VALIDATION_ERROR'],
  }),
  revoke: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/:id/revocation',
    summary: 'Révoque une signature (définitif)',
    access: 'user',
    params: signatureParams,
    body: revokeSignatureRequest,
    response: signatureAnswer,
    errors: [...JSON_BODY, ...SIGNED_IN, ...PARTNER, 'NOT_FOUND', 'FORBIDDEN', 'ALREADY_REVOKED'],
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/:id/password',
    summary: 'Change le mot de passe d’une signature',
    access: 'user',
    params: signatureParams,
    body: changeSignaturePasswordRequest,
    status: 204,
    response: null,
    errors: UNLOCK,
  }),
  export: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/:id/export',
    summary: 'Exporte une signature en fichier PKCS#12 (.p12)',
    access: 'user',
    params: signatureParams,
    body: exportSignatureRequest,
    response: fileContent('La signature au format PKCS#12', 'application/x-pkcs12'),
    errors: [...UNLOCK, 'SIGNATURE_REVOKED', 'SIGNATURE_EXPIRED'],
  }),
};
