import type { ErrorCode } from '@passerelle/contracts';

/**
 * The exit codes of `passerelle`, stable for scripts:
 * 0 every declaration accepted (or, with --no-wait, transmitted and none refused),
 * 1 some declaration rejected or failed (or an unexpected server error),
 * 2 usage or input error (options, unknown dossier, nothing ready, bad password file),
 * 3 authentication or signature refused (account, client space, signature password/state),
 * 4 server unreachable (the declarant server, or the partner behind it),
 * 130 interrupted by Ctrl-C (what shells report for SIGINT).
 */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  refused: 3,
  unreachable: 4,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected failure: its French message is shown without a stack trace, then the CLI exits. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A refusal answered by the declarant server: `{code, message, field?}`. */
export class ApiError extends CliError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(exitCodeOfApiError(code), message);
    this.name = 'ApiError';
  }
}

const refusals: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_INACTIVE',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'RATE_LIMITED',
  'CLIENT_SPACE_NOT_CONNECTED',
  'WRONG_SIGNATURE_PASSWORD',
  'SIGNATURE_LOCKED',
  'SIGNATURE_REVOKED',
  'SIGNATURE_EXPIRED',
]);

const inputErrors: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION_ERROR',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'DECLARATION_NOT_READY',
  'DECLARATION_LOCKED',
  'DECLARATION_CHANGED',
  'TEST_MODE_MISMATCH',
  'FIRM_SIRET_MISSING',
  'TRANSMISSION_NOT_RETRYABLE',
]);

/** The exit code a server refusal ends the CLI with. */
export function exitCodeOfApiError(code: ErrorCode): ExitCode {
  if (refusals.has(code)) return ExitCode.refused;
  if (inputErrors.has(code)) return ExitCode.usage;
  // The declarant answered, but the partner behind it did not: nothing could be sent.
  if (code === 'PARTNER_UNAVAILABLE') return ExitCode.unreachable;
  return ExitCode.failed;
}

/** A usage or input error (exit 2). */
export function usageError(message: string): CliError {
  return new CliError(ExitCode.usage, message);
}

/** Ctrl-C (exit 130). */
export function interrupted(message = 'Interrompu.'): CliError {
  return new CliError(ExitCode.interrupted, message);
}
