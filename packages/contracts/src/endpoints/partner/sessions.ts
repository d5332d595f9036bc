import { defineEndpoint } from '../../endpoint';
import { createSessionRequest, refreshSessionRequest, sessionTokensSchema } from '../../partner';
import { BEARER } from './common';

/** API v1 sessions of a software (the declarant): sign in for tokens, rotate, sign out. */
export const sessionsEndpoints = {
  open: defineEndpoint({
    method: 'POST',
    path: '/api/v1/sessions',
    summary: 'Ouvrir une session (jeton d’accès court + jeton de renouvellement)',
    access: 'public',
    body: createSessionRequest,
    status: 201,
    response: sessionTokensSchema,
    errors: [
      'VALIDATION_ERROR',
      'INVALID_CREDENTIALS',
      'EMAIL_NOT_VERIFIED',
      'REGISTRATION_EXPIRED',
      'RATE_LIMITED',
    ],
  }),
  refresh: defineEndpoint({
    method: 'POST',
    path: '/api/v1/sessions/refresh',
    summary:
      'Renouveler les jetons (usage unique ; un jeton réutilisé révoque toute la session ; ' +
      'la session finit 90 jours après son ouverture par défaut, quels que soient les renouvellements)',
    access: 'public',
    body: refreshSessionRequest,
    response: sessionTokensSchema,
    errors: ['VALIDATION_ERROR', 'REFRESH_TOKEN_INVALID'],
  }),
  close: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/sessions/current',
    summary: 'Fermer la session',
    access: 'user',
    status: 204,
    response: null,
    errors: [...BEARER],
  }),
};
