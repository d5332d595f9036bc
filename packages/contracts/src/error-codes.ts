/**
 * The closed list of error codes any Passerelle API may answer, with the HTTP status each maps
 * to. Clients (web UI, CLI) switch on `code`, never on message text.
 */
export const errorStatus = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_INACTIVE: 403,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  SETUP_ALREADY_DONE: 409,
  SETUP_TOKEN_INVALID: 403,
  PASSWORD_TOKEN_INVALID: 410,
  LINK_INVALID: 410,
  WEAK_PASSWORD: 400,
  WRONG_CURRENT_PASSWORD: 400,
  RATE_LIMITED: 429,
  EMAIL_NOT_VERIFIED: 403,
  REFRESH_TOKEN_INVALID: 401,
  CONFIDENTIAL_CODE_INVALID: 403,
  NOT_SUBSCRIBED: 409,
  CSR_INVALID: 400,
  KEY_REJECTED: 400,
  VALIDITY_NOT_ALLOWED: 400,
  ALREADY_REVOKED: 409,
  PARTNER_UNAVAILABLE: 503,
  CLIENT_SPACE_NOT_CONNECTED: 409,
  CONFIDENTIAL_CODE_LOCKED: 429,
  SIGNATURE_IN_PROGRESS: 409,
  WRONG_SIGNATURE_PASSWORD: 403,
  SIGNATURE_LOCKED: 423,
  SIGNATURE_REVOKED: 409,
  SIGNATURE_EXPIRED: 409,
  SIREN_TAKEN: 409,
  EXERCISE_OVERLAP: 409,
  DECLARATION_CHANGED: 409,
  IMPORT_INVALID: 422,
  FIRM_SIRET_MISSING: 409,
  INTERCHANGE_INVALID: 422,
  DECLARATION_NOT_READY: 409,
  DECLARATION_LOCKED: 409,
  TEST_MODE_MISMATCH: 409,
  TRANSMISSION_NOT_RETRYABLE: 409,
  RECEIPT_INVALID: 502,
  IDEMPOTENCY_KEY_MISSING: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  DEPOSIT_UNREADABLE: 422,
  DEPOSIT_SEAL_INVALID: 422,
  DEPOSIT_CERTIFICATE_UNKNOWN: 422,
  DEPOSIT_CERTIFICATE_EXPIRED: 422,
  DEPOSIT_CERTIFICATE_REVOKED: 422,
  DEPOSIT_CERTIFICATE_FOREIGN: 422,
  DEPOSIT_DUPLICATE: 409,
  INTERNAL: 500,
} as const;

/** One of the codes of {@link errorStatus}. */
export type ErrorCode = keyof typeof errorStatus;

/**
 * Body of every API refusal. `field` names the offending input field when there is one;
 * `depositId` names the account's deposit a `DEPOSIT_DUPLICATE` repeats.
 */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  depositId?: string;
}

/** True when `value` is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}
