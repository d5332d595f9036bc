import { z } from 'zod';
import { defineEndpoint } from '../../endpoint';
import {
  accountRegistrationSchema,
  accountSchema,
  createAccountRequest,
  verifyEmailRequest,
} from '../../partner';
import {
  changeAccountPasswordRequest,
  passwordResetRequest,
  passwordResetRequestedSchema,
  resetPasswordRequest,
} from '../../partner-passwords';
import { ACCOUNT_ADMINISTRATOR, BEARER } from './common';

const accountAnswer = z.object({ account: accountSchema });

/** API v1 accounts: registration, confirmation, the current account, its code and password. */
export const accountsEndpoints = {
  register: defineEndpoint({
    method: 'POST',
    path: '/api/v1/accounts',
    summary:
      'Créer un compte client : 202 et la même réponse que l’adresse soit nouvelle, en attente de confirmation (la demande est remplacée) ou déjà celle d’un compte (son titulaire est prévenu par email, rien n’est créé). Un email de confirmation part vers l’adresse. Limité par adresse IP (REGISTRATIONS_PER_IP_PER_HOUR) et par adresse email (ACCOUNT_EMAILS_PER_ADDRESS_PER_DAY)',
    access: 'public',
    body: createAccountRequest,
    status: 202,
    response: accountRegistrationSchema,
    errors: ['VALIDATION_ERROR', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  }),
  verify: defineEndpoint({
    method: 'POST',
    path: '/api/v1/accounts/verification',
    summary:
      'Confirmer l’adresse de l’administrateur avec le jeton du lien reçu et le mot de passe choisi à la création (limites de la connexion) ; abonne le compte à EDI-TDFC et envoie le code confidentiel. Un compte non confirmé expire (UNVERIFIED_ACCOUNT_HOURS)',
    access: 'public',
    body: verifyEmailRequest,
    response: accountAnswer,
    errors: ['VALIDATION_ERROR', 'INVALID_CREDENTIALS', 'LINK_INVALID', 'RATE_LIMITED'],
  }),
  current: defineEndpoint({
    method: 'GET',
    path: '/api/v1/accounts/current',
    summary: 'Le compte client de la session',
    access: 'user',
    response: accountAnswer,
    errors: [...BEARER],
  }),
  reissueCode: defineEndpoint({
    method: 'POST',
    path: '/api/v1/accounts/current/confidential-code',
    summary:
      'Émettre un nouveau code confidentiel EDI-TDFC (envoyé à l’administrateur ; l’ancien cesse de fonctionner). Au plus un par CODE_REISSUE_COOLDOWN_MINUTES : 429 et Retry-After sinon',
    access: 'administrator',
    status: 201,
    response: z.object({ sentAt: z.string(), sentTo: z.string() }),
    errors: [...ACCOUNT_ADMINISTRATOR, 'RATE_LIMITED'],
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/accounts/current/password',
    summary:
      'Changer le mot de passe du compte (mot de passe actuel vérifié sous les limites de la connexion) ; ferme toutes les autres sessions, celles du portail et des logiciels (jetons de renouvellement compris), et prévient l’administrateur par email',
    access: 'administrator',
    body: changeAccountPasswordRequest,
    status: 204,
    response: null,
    errors: [
      ...ACCOUNT_ADMINISTRATOR,
      'VALIDATION_ERROR',
      'WRONG_CURRENT_PASSWORD',
      'WEAK_PASSWORD',
      'RATE_LIMITED',
    ],
  }),
  requestPasswordReset: defineEndpoint({
    method: 'POST',
    path: '/api/v1/password-resets',
    summary:
      'Mot de passe oublié : envoie un lien à usage unique (PASSWORD_RESET_LINK_MINUTES) à l’adresse si elle est celle d’un compte confirmé ; 202 et la même réponse sinon. Limité par adresse IP (PASSWORD_RESETS_PER_IP_PER_HOUR) et par adresse email (ACCOUNT_EMAILS_PER_ADDRESS_PER_DAY)',
    access: 'public',
    body: passwordResetRequest,
    status: 202,
    response: passwordResetRequestedSchema,
    errors: ['VALIDATION_ERROR', 'RATE_LIMITED'],
  }),
  resetPassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/password-resets/use',
    summary:
      'Choisir un nouveau mot de passe avec le jeton du lien reçu (une seule fois) ; ferme toutes les sessions du compte et prévient l’administrateur par email',
    access: 'public',
    body: resetPasswordRequest,
    status: 204,
    response: null,
    errors: ['VALIDATION_ERROR', 'WEAK_PASSWORD', 'PASSWORD_TOKEN_INVALID'],
  }),
};
