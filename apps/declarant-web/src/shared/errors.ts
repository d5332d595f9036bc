// Turns API refusals and zod issues into French sentences placed on a form's fields.
import type { ErrorCode } from '@passerelle/contracts';
import { ApiError } from '../api/client';
import {
  adminOnlyMessage,
  messages,
  networkErrorMessage,
  rateLimitedMessage,
  unexpectedResponseMessage,
} from './messages';

/** Errors shown by a form: one sentence per field, plus one for the whole form. */
export interface FormErrors {
  fields: Partial<Record<string, string>>;
  form: string | null;
}

/** No error at all. */
export const noErrors: FormErrors = { fields: {}, form: null };

/** Which form field a refusal code concerns when the server does not say (e.g. EMAIL_TAKEN → email). */
export type FieldForCode = Partial<Record<ErrorCode, string>>;

/**
 * Codes whose server message is shown as is: it comes from the shared schemas or the password
 * policy, or holds what only the server knows (the partner's remaining attempts, a lock's end,
 * what is wrong in an imported file and where).
 */
export const serverMessageCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION_ERROR',
  'WEAK_PASSWORD',
  'CONFIDENTIAL_CODE_INVALID',
  'CONFIDENTIAL_CODE_LOCKED',
  'WRONG_SIGNATURE_PASSWORD',
  'SIGNATURE_LOCKED',
  'IMPORT_INVALID',
  // What is wrong in a campaign pack: file, line and column.
  'PACK_INVALID',
  // The imports' limits, said with their numbers.
  'IMPORT_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
]);

/** The French sentence for any thrown value; null when the app already reacted (sign-in page). */
export function errorText(error: unknown): string | null {
  if (!(error instanceof ApiError)) {
    console.error(error);
    return messages.INTERNAL;
  }
  if (error.handled) return null;
  switch (error.code) {
    case 'NETWORK':
      return networkErrorMessage;
    case 'BAD_RESPONSE':
      return unexpectedResponseMessage;
    case 'RATE_LIMITED':
      return rateLimitedMessage(error.retryAfterSeconds);
    default:
      return serverMessageCodes.has(error.code)
        ? error.serverMessage || messages[error.code]
        : messages[error.code];
  }
}

/** Places an API refusal on the form field it concerns, or on the whole form. */
export function formErrorsFromApi(
  error: unknown,
  fieldNames: readonly string[],
  fieldForCode: FieldForCode = {},
): FormErrors {
  const text = errorText(error);
  if (text === null) return noErrors;
  if (!(error instanceof ApiError) || error.code === 'NETWORK' || error.code === 'BAD_RESPONSE') {
    return { fields: {}, form: text };
  }
  let field: string | undefined;
  if (error.code === 'VALIDATION_ERROR') field = error.field;
  else if (error.code === 'WEAK_PASSWORD') field = error.field ?? fieldForCode.WEAK_PASSWORD;
  else field = fieldForCode[error.code];
  if (field !== undefined && fieldNames.includes(field))
    return { fields: { [field]: text }, form: null };
  return { fields: {}, form: text };
}

/** The first zod issue of each form field (issues on other paths go to the whole form). */
export function formErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fieldNames: readonly string[],
): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  let form: string | null = null;
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && fieldNames.includes(key)) fields[key] ??= issue.message;
    else form ??= issue.message;
  }
  return { fields, form };
}

/** Whether `error` is an API refusal with one of `codes`. */
export function hasErrorCode(error: unknown, ...codes: readonly ErrorCode[]): boolean {
  return error instanceof ApiError && (codes as readonly string[]).includes(error.code);
}

/** The sentence of a failure on an administrators' page: a collaborator is told why. */
export function adminPageErrorText(error: unknown): string | null {
  return hasErrorCode(error, 'FORBIDDEN') ? adminOnlyMessage : errorText(error);
}
