// Typed fetch wrapper for the declarant API: JSON in and out, refusals as `ApiError`.
import { endpointUrl, isErrorCode, isFileContent } from '@passerelle/contracts';
import type { CallArgs, Endpoint, EndpointResponse, ErrorCode } from '@passerelle/contracts';
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

/** What {@link call} takes besides the endpoint: its input, and whether a session is expected. */
type CallOptions<E extends Endpoint> = CallArgs<E> & {
  /** False for calls made while signed out; by default, true unless the endpoint is public. */
  auth?: boolean;
};
type CallOptionsRest<E extends Endpoint> =
  Record<string, never> extends CallArgs<E>
    ? [options?: CallOptions<E>]
    : [options: CallOptions<E>];

/**
 * Calls one endpoint of the contracts' table: builds its URL from the params and query, sends
 * the JSON body (or a file endpoint's bytes as they are, with its media type), and returns the
 * answer parsed with the endpoint's schema (nothing for a 204); refusals throw an `ApiError`.
 */
export async function call<const E extends Endpoint>(
  endpoint: E,
  ...[options]: CallOptionsRest<E>
): Promise<EndpointResponse<E>> {
  const path = endpointUrl(endpoint, options);
  const body: unknown = options?.body;
  const payload = isFileContent(endpoint.body)
    ? { body: body as BodyInit, contentType: endpoint.body.file[0] }
    : jsonBody(body);
  const auth = options?.auth ?? endpoint.access !== 'public';
  const response = await send(endpoint.method, path, payload, 'application/json', auth);
  const schema = endpoint.response;
  if (schema === null || isFileContent(schema)) return undefined as EndpointResponse<E>;
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    console.error(`Unexpected answer to ${endpoint.method} ${path}`, parsed.error);
    throw new ApiError(response.status, 'BAD_RESPONSE', 'unexpected answer');
  }
  return parsed.data as EndpointResponse<E>;
}

/** A file answered by the API, with the name its Content-Disposition header proposes. */
export interface ApiFile {
  blob: Blob;
  filename: string;
}

/**
 * Calls an endpoint whose successful answer is a file (e.g. a .p12); refusals are JSON and
 * throw an `ApiError` exactly as with {@link call}.
 */
export async function callFile<const E extends Endpoint>(
  endpoint: E,
  fallbackName: string,
  ...[options]: CallOptionsRest<E>
): Promise<ApiFile> {
  const types = isFileContent(endpoint.response) ? endpoint.response.file : [];
  const accept = [...types, 'application/json'].join(', ');
  const path = endpointUrl(endpoint, options);
  const response = await send(endpoint.method, path, jsonBody(options?.body), accept, true);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  const header = response.headers.get('Content-Disposition');
  return { blob, filename: filenameFromContentDisposition(header) ?? fallbackName };
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
