import { clientSpaceStatusSchema, connectClientSpaceRequest } from '../../client-space';
import { defineEndpoint } from '../../endpoint';
import { CHANGE, JSON_BODY, SIGNED_IN } from './common';

/** The signed-in user's connection to the partner's client space ("Espace client"). */
export const clientSpaceEndpoints = {
  status: defineEndpoint({
    method: 'GET',
    path: '/api/me/client-space',
    summary: 'L’espace client est-il connecté, et sinon pourquoi',
    access: 'user',
    response: clientSpaceStatusSchema,
    errors: [...SIGNED_IN, 'PARTNER_UNAVAILABLE'],
  }),
  connect: defineEndpoint({
    method: 'POST',
    path: '/api/me/client-space',
    summary:
      'Connecte l’espace client avec les identifiants du portail (le mot de passe n’est pas gardé)',
    access: 'user',
    body: connectClientSpaceRequest,
    response: clientSpaceStatusSchema,
    errors: [
      ...JSON_BODY,
      ...SIGNED_IN,
      'INVALID_CREDENTIALS',
      'EMAIL_NOT_VERIFIED',
      'REGISTRATION_EXPIRED',
      'RATE_LIMITED',
      'PARTNER_UNAVAILABLE',
    ],
  }),
  disconnect: defineEndpoint({
    method: 'DELETE',
    path: '/api/me/client-space',
    summary: 'Déconnecte l’espace client',
    access: 'user',
    response: clientSpaceStatusSchema,
    errors: [...CHANGE, ...SIGNED_IN],
  }),
};
