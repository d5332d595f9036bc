import { z } from 'zod';
import { defineEndpoint, fileContent } from '../../endpoint';
import { pageQuery } from '../../pages';
import * as schemas from '../../sending';
import { CHANGE, JSON_BODY, SIGNED_IN, idParams } from './common';

const params = idParams('Élément introuvable.');

/** "Envoyer", the progress of a batch, a declaration's transmissions and their files. */
export const sendingEndpoints = {
  send: defineEndpoint({
    method: 'POST',
    path: '/api/sendings',
    summary: 'Signe les déclarations avec un mot de passe et les met en file d’envoi',
    access: 'user',
    body: schemas.createSendingRequest,
    status: 202,
    response: schemas.sendingCreatedSchema,
    errors: [
      ...JSON_BODY,
      ...SIGNED_IN,
      'NOT_FOUND',
      'FORBIDDEN',
      'CLIENT_SPACE_NOT_CONNECTED',
      'DECLARATION_NOT_READY',
      'DECLARATION_CHANGED',
      'DECLARATION_LOCKED',
      'TEST_MODE_MISMATCH',
      'INTERCHANGE_INVALID',
      'FIRM_SIRET_MISSING',
      'WRONG_SIGNATURE_PASSWORD',
      'SIGNATURE_LOCKED',
      'SIGNATURE_REVOKED',
      'SIGNATURE_EXPIRED',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  }),
  progress: defineEndpoint({
    method: 'GET',
    path: '/api/sendings/:id',
    summary: 'Les compteurs d’un envoi (la barre de progression)',
    access: 'user',
    params,
    response: z.object({ sending: schemas.sendingProgressSchema }),
    errors: [...SIGNED_IN, 'VALIDATION_ERROR', 'NOT_FOUND'],
  }),
  transmissions: defineEndpoint({
    method: 'GET',
    path: '/api/declarations/:id/transmissions',
    summary: 'Une page des transmissions d’une déclaration, de la plus récente à la plus ancienne',
    access: 'user',
    params,
    query: pageQuery,
    response: schemas.transmissionPageSchema,
    errors: [...SIGNED_IN, 'VALIDATION_ERROR', 'NOT_FOUND'],
  }),
  file: defineEndpoint({
    method: 'GET',
    path: '/api/transmissions/:id/files/:file',
    summary: 'Un fichier d’une transmission (signé, accusé de réception, CONTRL, compte rendu)',
    access: 'user',
    params: params.extend({
      file: z.enum(schemas.transmissionFileKinds, { error: 'Fichier inconnu.' }),
    }),
    response: fileContent(
      'Le fichier signé ou l’accusé (PKCS#7), le CONTRL ou le compte rendu (EDIFACT)',
      'application/pkcs7-mime',
      'application/edifact',
    ),
    errors: [...SIGNED_IN, 'VALIDATION_ERROR', 'NOT_FOUND'],
  }),
  retry: defineEndpoint({
    method: 'POST',
    path: '/api/transmissions/:id/retry',
    summary: 'Relance une transmission en échec d’envoi',
    access: 'user',
    params,
    response: z.object({ transmission: schemas.transmissionSchema }),
    errors: [
      ...CHANGE,
      ...SIGNED_IN,
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'TRANSMISSION_NOT_RETRYABLE',
    ],
  }),
  notifications: defineEndpoint({
    method: 'GET',
    path: '/api/me/notifications',
    summary: 'L’utilisateur reçoit-il un email à chaque résultat d’envoi',
    access: 'user',
    response: schemas.notificationSettingsSchema,
    errors: [...SIGNED_IN],
  }),
  saveNotifications: defineEndpoint({
    method: 'PUT',
    path: '/api/me/notifications',
    summary: 'Change ce choix',
    access: 'user',
    body: schemas.notificationSettingsSchema,
    response: schemas.notificationSettingsSchema,
    errors: [...JSON_BODY, ...SIGNED_IN],
  }),
};
