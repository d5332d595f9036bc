import type { z } from 'zod';
import { isErrorCode, sessionResponse, type CurrentUser } from '@passerelle/contracts';
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
    const response = await this.request('POST', '/api/session', { body: { email, password } });
    const cookie = response.headers
      .getSetCookie()
      .map((header) => SESSION_COOKIE.exec(header))
      .find((match) => match !== null);
    if (!cookie) throw unexpected('/api/session', 'aucun cookie de session');
    this.cookie = `${cookie[1]}=${cookie[2]}`;
    return parseBody(sessionResponse, await readJson(response, '/api/session'), '/api/session')
      .user;
  }

  /** GET a JSON answer, checked against its contract schema. */
  async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await this.request('GET', path);
    return parseBody(schema, await readJson(response, path), path);
  }

  /** POST a JSON body, and check the JSON answer against its contract schema. */
  async post<T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    const response = await this.request('POST', path, { body, ...options });
    return parseBody(schema, await readJson(response, path), path);
  }

  /** GET a file; `undefined` when the server has none yet (404). */
  async download(path: string): Promise<Download | undefined> {
    const response = await this.request('GET', path, { allowNotFound: true });
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
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; timeoutMs?: number; allowNotFound?: boolean } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
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
