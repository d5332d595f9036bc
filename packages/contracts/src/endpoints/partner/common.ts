// What many of the partner's endpoints share: the refusals of a bearer token.

/** Refusals of an endpoint that needs `Authorization: Bearer <access token>`. */
export const BEARER = ['UNAUTHENTICATED', 'SESSION_EXPIRED'] as const;

/** Refusals of an endpoint reserved to the account's administrator (not its personal users). */
export const ACCOUNT_ADMINISTRATOR = [...BEARER, 'FORBIDDEN'] as const;
