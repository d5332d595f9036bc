import { defineEndpoint } from '../../endpoint';
import {
  acceptPortalInvitationRequest,
  invitePortalUserRequest,
  listPortalUsersQuery,
  portalUserAnswerSchema,
  portalUserPageSchema,
  portalUserParams,
} from '../../partner-users';
import { ACCOUNT_ADMINISTRATOR } from './common';

/**
 * API v1 personal portal users (issue #13): list, invite and revoke (the account's administrator;
 * the service refuses the others), accept an invitation.
 */
export const portalUsersEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/accounts/current/users',
    summary:
      'Utilisateurs personnels du compte client, par adresse (administrateur du compte seulement)',
    access: 'user',
    query: listPortalUsersQuery,
    response: portalUserPageSchema,
    errors: [...ACCOUNT_ADMINISTRATOR, 'VALIDATION_ERROR'],
  }),
  invite: defineEndpoint({
    method: 'POST',
    path: '/api/v1/accounts/current/users',
    summary:
      'Invite une personne : un lien à usage unique (72 h) lui est envoyé par email pour choisir son mot de passe',
    access: 'user',
    body: invitePortalUserRequest,
    status: 201,
    response: portalUserAnswerSchema,
    errors: [
      ...ACCOUNT_ADMINISTRATOR,
      'VALIDATION_ERROR',
      'EMAIL_TAKEN',
      'USER_LIMIT_REACHED',
      'RATE_LIMITED',
    ],
  }),
  revoke: defineEndpoint({
    method: 'POST',
    path: '/api/v1/accounts/current/users/:id/revocation',
    summary:
      'Révoque une personne : ses sessions et connexions prennent fin, ses signatures valides sont révoquées',
    access: 'user',
    params: portalUserParams,
    response: portalUserAnswerSchema,
    errors: [...ACCOUNT_ADMINISTRATOR, 'NOT_FOUND', 'ALREADY_REVOKED'],
  }),
  accept: defineEndpoint({
    method: 'POST',
    path: '/api/v1/portal-invitations/use',
    summary: 'Accepte une invitation : la personne choisit son mot de passe (une seule fois)',
    access: 'public',
    body: acceptPortalInvitationRequest,
    status: 201,
    response: portalUserAnswerSchema,
    errors: ['VALIDATION_ERROR', 'WEAK_PASSWORD', 'LINK_INVALID'],
  }),
};
