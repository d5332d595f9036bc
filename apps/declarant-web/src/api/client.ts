// Typed fetch wrapper for the declarant API: JSON in and out, refusals as `ApiError`.
import { isErrorCode } from '@passerelle/contracts';
import type { ErrorCode } from '@passerelle/contracts';
import type { z } from 'zod';
import { filenameFromContentDisposition } from '../shared/download';

/** Codes that mean "this browser no longer has a usable session". */
export type AuthFailureCode = 'UNAUTHENTICATED' | 'SESSION_EXPIRED' | 'ACCOUNT_INACTIVE';

/** A refusal from the API, or a failure to reach it (`code` is then NETWORK or BAD_RESPONSE). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK' | 'BAD_RESPONSE',
    readonly serverMessage: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
    /** True when the app already reacted (sent the user to /connexion): show nothing. */
    readonly handled = false,
  ) {
    super(`${code}: ${serverMessage}`);
    this.name = 'ApiError';
  }
}

let authFailureHandler: ((code: AuthFailureCode) => void) | null = null;

/** Registers what to do when a signed-in call finds the session gone (one handler at a time). */
export function setAuthFailureHandler(handler: ((code: AuthFailureCode) => void) | null): void {
  authFailureHandler = handler;
}

interface RequestOptions<S extends z.ZodType | undefined> {
  body?: unknown;
  /** Schema of a successful answer's body; omit for 204 answers. */
  schema?: S;
  /** False for calls made while signed out (sign-in, setup, one-time links). */
  auth?: boolean;
}

type Answer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Sends one API request and returns its parsed answer, or throws an `ApiError`. */
export async function request<S extends z.ZodType | undefined = undefined>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions<S> = {},
): Promise<Answer<S>> {
  const response = await send(
    method,
    path,
    jsonBody(options.body),
    'application/json',
    options.auth,
  );
  return readAnswer(response, method, path, options.schema);
}

/**
 * Sends a file's bytes as they are (e.g. an EDI-TDFC INFENT interchange, `application/edifact`)
 * and returns the parsed JSON answer; refusals throw an `ApiError` exactly as with {@link request}.
 */
export async function requestRaw<S extends z.ZodType | undefined = undefined>(
  method: 'POST' | 'PUT',
  path: string,
  options: { body: Blob | ArrayBuffer | string; contentType: string; schema?: S },
): Promise<Answer<S>> {
  const payload = { body: options.body, contentType: options.contentType };
  const response = await send(method, path, payload, 'application/json', true);
  return readAnswer(response, method, path, options.schema);
}

/** The answer's JSON checked against `schema` (nothing for a 204 answer). */
async function readAnswer<S extends z.ZodType | undefined>(
  response: Response,
  method: string,
  path: string,
  schema: S | undefined,
): Promise<Answer<S>> {
  if (schema === undefined) return undefined as Answer<S>;
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    console.error(`Unexpected answer to ${method} ${path}`, parsed.error);
    throw new ApiError(response.status, 'BAD_RESPONSE', 'unexpected answer');
  }
  return parsed.data as Answer<S>;
}

/** A file answered by the API, with the name its Content-Disposition header proposes. */
export interface ApiFile {
  blob: Blob;
  filename: string;
}

/**
 * Sends one API request whose successful answer is a file (e.g. a .p12); refusals are JSON and
 * throw an `ApiError` exactly as with {@link request}.
 */
export async function requestFile(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; accept: string; fallbackName: string },
): Promise<ApiFile> {
  const accept = `${options.accept}, application/json`;
  const response = await send(method, path, jsonBody(options.body), accept, true);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  const header = response.headers.get('Content-Disposition');
  return { blob, filename: filenameFromContentDisposition(header) ?? options.fallbackName };
}

/** A request body and its media type. */
interface Payload {
  body: BodyInit;
  contentType: string;
}

/** A value sent as JSON; none when `body` is undefined. */
function jsonBody(body: unknown): Payload | undefined {
  return body === undefined
    ? undefined
    : { body: JSON.stringify(body), contentType: 'application/json' };
}

/** The fetch shared by every kind of request: same origin, the body as given, refusals thrown. */
async function send(
  method: string,
  path: string,
  payload: Payload | undefined,
  accept: string,
  auth = true,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (payload !== undefined) headers['Content-Type'] = payload.contentType;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: payload?.body,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  if (!response.ok) throw await toApiError(response, auth);
  return response;
}

async function toApiError(response: Response, auth: boolean): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const code = isErrorCode(record.code) ? record.code : 'INTERNAL';
  const message = typeof record.message === 'string' ? record.message : '';
  const field = typeof record.field === 'string' ? record.field : undefined;
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const authFailure =
    code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED' || code === 'ACCOUNT_INACTIVE';
  const handled = auth && authFailure && authFailureHandler !== null;
  if (handled) authFailureHandler?.(code);
  return new ApiError(response.status, code, message, field, retryAfter, handled);
}

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP date). */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}
