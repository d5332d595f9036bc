import { z } from 'zod';
import {
  changePasswordRequest,
  sessionResponse,
  setupRequest,
  setupStatus,
  signInRequest,
} from '../../auth';
import { defineEndpoint } from '../../endpoint';
import { CHANGE, JSON_BODY, SIGNED_IN } from './common';

/** The health probe, the first start, sign-in and the session. */
export const authEndpoints = {
  health: defineEndpoint({
    method: 'GET',
    path: '/api/health',
    summary: 'Le serveur répond (sonde de disponibilité)',
    access: 'public',
    response: z.object({ status: z.string() }),
    errors: [],
  }),
  setupStatus: defineEndpoint({
    method: 'GET',
    path: '/api/setup',
    summary: 'Le premier démarrage attend-il encore son administrateur ?',
    access: 'public',
    response: setupStatus,
    errors: [],
  }),
  setup: defineEndpoint({
    method: 'POST',
    path: '/api/setup',
    summary:
      'Crée le cabinet et son premier administrateur avec le lien à usage unique affiché au démarrage, et le connecte',
    access: 'public',
    body: setupRequest,
    status: 201,
    response: sessionResponse,
    errors: [...JSON_BODY, 'SETUP_ALREADY_DONE', 'SETUP_TOKEN_INVALID', 'WEAK_PASSWORD'],
  }),
  signIn: defineEndpoint({
    method: 'POST',
    path: '/api/session',
    summary: 'Connexion (pose le cookie de session)',
    access: 'public',
    body: signInRequest,
    response: sessionResponse,
    errors: [...JSON_BODY, 'INVALID_CREDENTIALS', 'ACCOUNT_INACTIVE', 'RATE_LIMITED'],
  }),
  session: defineEndpoint({
    method: 'GET',
    path: '/api/session',
    summary: 'L’utilisateur connecté',
    access: 'user',
    response: sessionResponse,
    errors: [...SIGNED_IN],
  }),
  signOut: defineEndpoint({
    method: 'DELETE',
    path: '/api/session',
    summary: 'Déconnexion (efface le cookie de session)',
    access: 'user',
    status: 204,
    response: null,
    errors: [...CHANGE, ...SIGNED_IN],
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/me/password',
    summary: 'Change le mot de passe de l’utilisateur connecté',
    access: 'user',
    body: changePasswordRequest,
    status: 204,
    response: null,
    errors: [...JSON_BODY, ...SIGNED_IN, 'WRONG_CURRENT_PASSWORD', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  }),
};
