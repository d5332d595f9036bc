import { z } from 'zod';

// What many of the declarant's endpoints share: the refusals of a session and of a JSON body,
// and the `:id` path parameter with the French message of an unknown id.

/** Refusals of an endpoint that needs a signed-in user. */
export const SIGNED_IN = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'ACCOUNT_INACTIVE'] as const;

/** Refusals of an endpoint reserved to the firm's administrators. */
export const ADMINISTRATOR = [...SIGNED_IN, 'FORBIDDEN'] as const;

/** Refusals of a request that changes something (CSRF guard). */
export const CHANGE = ['CSRF_REJECTED'] as const;

/** Refusals of a request that sends a JSON body. */
export const JSON_BODY = [
  ...CHANGE,
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_ERROR',
] as const;

/** `:id`, a UUID; `message` when it is not one (the thing is then unknown). */
export function idParams(message: string) {
  return z.object({ id: z.uuid({ error: message }) });
}
