import type { z } from 'zod';
import {
  declarantApi,
  endpointUrl,
  isErrorCode,
  isFileContent,
  type CallArgs,
  type CurrentUser,
  type Endpoint,
  type EndpointResponse,
} from '@passerelle/contracts';
import { ApiError, CliError, ExitCode, interrupted } from '../exit-codes';
import { describeNetworkError } from './network-error';

/** A downloaded file: its bytes and the name the server suggests (Content-Disposition). */
export interface Download {
  filename: string | undefined;
  bytes: Uint8Array;
}

export interface ApiClientOptions {
  /** Per-request time limit; the server answers quickly except when signing a batch. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Ctrl-C: aborts the request in flight. */
  signal?: AbortSignal;
}

/** The session cookie's name ends thus (`__Host-` prefixed over TLS). */
const SESSION_COOKIE = /^((?:__Host-)?passerelle_session)=([^;]*)/;

/**
 * The declarant API over fetch. The session cookie lives in this object only: it is never
 * written anywhere and dies with the process.
 */
export class ApiClient {
  private cookie: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private readonly signal: AbortSignal | undefined;

  constructor(
    readonly baseUrl: string,
    options: ApiClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.signal = options.signal;
  }

  /** `POST /api/session`: signs in and keeps the session cookie for the next requests. */
  async signIn(email: string, password: string): Promise<CurrentUser> {
    const endpoint = declarantApi.auth.signIn;
    const response = await this.request(endpoint.method, endpoint.path, {
      body: { email, password },
    });
    const cookie = response.headers
      .getSetCookie()
      .map((header) => SESSION_COOKIE.exec(header))
      .find((match) => match !== null);
    if (!cookie) throw unexpected(endpoint.path, 'aucun cookie de session');
    this.cookie = `${cookie[1]}=${cookie[2]}`;
    return parseBody(endpoint.response, await readJson(response, endpoint.path), endpoint.path)
      .user;
  }

  /**
   * Calls one endpoint of the contracts' table (its URL built from `input`'s params and query,
   * its JSON body sent) and checks the JSON answer against the endpoint's schema.
   */
  async call<const E extends Endpoint>(
    endpoint: E,
    input: CallArgs<E>,
    options: { timeoutMs?: number } = {},
  ): Promise<EndpointResponse<E>> {
    const path = endpointUrl(endpoint, input);
    const response = await this.request(endpoint.method, path, { body: input.body, ...options });
    const schema = endpoint.response;
    if (schema === null || isFileContent(schema)) {
      await response.body?.cancel();
      return undefined as EndpointResponse<E>;
    }
    return parseBody(schema, await readJson(response, path), path) as EndpointResponse<E>;
  }

  /**
   * Sends `bytes` as the body of a file-upload endpoint (its content type one of the
   * endpoint's) and checks the JSON answer against the endpoint's schema.
   */
  async upload<const E extends Endpoint>(
    endpoint: E,
    input: CallArgs<E>,
    file: { bytes: Uint8Array; type: string },
    options: { timeoutMs?: number } = {},
  ): Promise<EndpointResponse<E>> {
    const path = endpointUrl(endpoint, input);
    const response = await this.request(endpoint.method, path, { file, ...options });
    const schema = endpoint.response as z.ZodType<EndpointResponse<E>>;
    return parseBody(schema, await readJson(response, path), path);
  }

  /** The file a file endpoint answers; `undefined` when the server has none yet (404). */
  async download<const E extends Endpoint>(
    endpoint: E,
    input: CallArgs<E>,
  ): Promise<Download | undefined> {
    const path = endpointUrl(endpoint, input);
    const response = await this.request(endpoint.method, path, { allowNotFound: true });
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    return {
      filename: filenameOf(response.headers.get('content-disposition')),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }

  private async request(
    method: Endpoint['method'],
    path: string,
    options: {
      body?: unknown;
      file?: { bytes: Uint8Array; type: string };
      timeoutMs?: number;
      allowNotFound?: boolean;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.file) headers['content-type'] = options.file.type;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.file
          ? options.file.bytes
          : options.body === undefined
            ? undefined
            : JSON.stringify(options.body),
        signal: this.signal ? AbortSignal.any([timeout, this.signal]) : timeout,
        redirect: 'error',
      });
    } catch (error) {
      if (this.signal?.aborted) throw interrupted();
      throw new CliError(
        ExitCode.unreachable,
        `Serveur Passerelle injoignable à ${this.baseUrl} : ${describeNetworkError(error)}. Vérifiez --server ou PASSERELLE_URL.`,
      );
    }
    if (response.ok) return response;
    if (response.status === 404 && options.allowNotFound) {
      // A JSON NOT_FOUND about the route itself is still an error; a missing file is not.
      return response;
    }
    throw await errorOf(response, path);
  }
}

/** The server's `{code, message, field?}` as an ApiError, or a generic failure. */
async function errorOf(response: Response, path: string): Promise<CliError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (body && typeof body === 'object' && 'code' in body && isErrorCode(body.code)) {
    const message =
      'message' in body && typeof body.message === 'string' ? body.message : body.code;
    const field = 'field' in body && typeof body.field === 'string' ? body.field : undefined;
    return new ApiError(body.code, message, response.status, field);
  }
  return new CliError(
    ExitCode.failed,
    `Le serveur a répondu ${response.status} ${response.statusText} à ${path}.`,
  );
}

async function readJson(response: Response, path: string): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw unexpected(path, 'ce n’est pas du JSON');
  }
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown, path: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw unexpected(path, issue ? `${issue.path.join('.')} : ${issue.message}` : 'forme inconnue');
  }
  return parsed.data;
}

function unexpected(path: string, why: string): CliError {
  return new CliError(
    ExitCode.failed,
    `Réponse inattendue du serveur à ${path} (${why}). Le serveur et la commande passerelle sont-ils de la même version ?`,
  );
}

/** `attachment; filename="x.p7m"` (or RFC 5987 `filename*=UTF-8''x.p7m`) → `x.p7m`. */
export function filenameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
  return plain?.[1] ?? plain?.[2];
}
