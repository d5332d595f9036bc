import { z } from 'zod';
import { auditPage, auditQuery } from '../../audit';
import { passwordTokenInfo, passwordTokenRequest, usePasswordTokenRequest } from '../../auth';
import { defineEndpoint } from '../../endpoint';
import { pageQuery } from '../../pages';
import {
  createUserRequest,
  createUserResponse,
  passwordLinkSchema,
  setUserStatusRequest,
  userPageSchema,
  userSchema,
} from '../../users';
import { ADMINISTRATOR, CHANGE, JSON_BODY, idParams } from './common';

const userParams = idParams('Utilisateur introuvable.');

/** The firm's users (administrators), the one-time password links, the audit log. */
export const usersEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/users',
    summary: 'Une page des utilisateurs du cabinet, par nom puis prénom',
    access: 'administrator',
    query: pageQuery,
    response: userPageSchema,
    errors: [...ADMINISTRATOR, 'VALIDATION_ERROR'],
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/users',
    summary: 'Crée un utilisateur et son lien d’invitation',
    access: 'administrator',
    body: createUserRequest,
    status: 201,
    response: createUserResponse,
    errors: [...JSON_BODY, ...ADMINISTRATOR, 'EMAIL_TAKEN', 'RATE_LIMITED'],
  }),
  setStatus: defineEndpoint({
    method: 'PATCH',
    path: '/api/users/:id/status',
    summary: 'Active ou désactive un utilisateur',
    access: 'administrator',
    params: userParams,
    body: setUserStatusRequest,
    response: z.object({ user: userSchema }),
    errors: [...JSON_BODY, ...ADMINISTRATOR, 'NOT_FOUND', 'LAST_ADMIN'],
  }),
  passwordReset: defineEndpoint({
    method: 'POST',
    path: '/api/users/:id/password-reset',
    summary: 'Un lien à usage unique pour que l’utilisateur choisisse un nouveau mot de passe',
    access: 'administrator',
    params: userParams,
    status: 201,
    response: z.object({ link: passwordLinkSchema }),
    errors: [...CHANGE, ...ADMINISTRATOR, 'VALIDATION_ERROR', 'NOT_FOUND', 'RATE_LIMITED'],
  }),
  lookupPasswordToken: defineEndpoint({
    method: 'POST',
    path: '/api/password-tokens/lookup',
    summary: 'Pour qui est un lien à usage unique (invitation ou réinitialisation)',
    access: 'public',
    body: passwordTokenRequest,
    response: passwordTokenInfo,
    errors: [...JSON_BODY, 'PASSWORD_TOKEN_INVALID'],
  }),
  usePasswordToken: defineEndpoint({
    method: 'POST',
    path: '/api/password-tokens/use',
    summary: 'Choisit son mot de passe par un lien à usage unique',
    access: 'public',
    body: usePasswordTokenRequest,
    status: 204,
    response: null,
    errors: [...JSON_BODY, 'PASSWORD_TOKEN_INVALID', 'WEAK_PASSWORD'],
  }),
  auditEvents: defineEndpoint({
    method: 'GET',
    path: '/api/audit-events',
    summary: 'Une page du journal d’audit, du plus récent au plus ancien',
    access: 'administrator',
    query: auditQuery,
    response: auditPage,
    errors: [...ADMINISTRATOR, 'VALIDATION_ERROR'],
  }),
};
