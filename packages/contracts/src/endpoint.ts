import type { z } from 'zod';
import type { ErrorCode } from './error-codes';

// One HTTP endpoint declared once (issue #15): the server registers its route from it, the
// clients build their calls from it, and the OpenAPI documents are generated from it.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Success statuses an endpoint may answer. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/** A body that is not JSON: a file, sent or answered as bytes of one of these media types. */
export interface FileContent {
  readonly file: readonly [string, ...string[]];
  readonly description: string;
}

/** A file body (request or answer) of one of `types`, the first being the usual one. */
export function fileContent(description: string, ...types: [string, ...string[]]): FileContent {
  return { file: types, description };
}

/** Who may call an endpoint: anyone, a signed-in user, or an administrator. */
export type EndpointAccess = 'public' | 'user' | 'administrator';

/** What {@link defineEndpoint} takes. */
export interface EndpointSpec {
  readonly method: HttpMethod;
  /** Fastify's syntax (`/api/users/:id`); the OpenAPI document writes `{id}`. */
  readonly path: string;
  /** One line for the documentation. */
  readonly summary: string;
  readonly access: EndpointAccess;
  /** The path's parameters, one key per `:name` of `path`. */
  readonly params?: z.ZodObject;
  /** The query string, one key per parameter. */
  readonly query?: z.ZodObject;
  /** Request headers the endpoint reads, one key per header (their description documents them). */
  readonly headers?: z.ZodObject;
  /** The JSON body's schema, or a file sent as is. */
  readonly body?: z.ZodType | FileContent;
  /** The success status; 200 when omitted. */
  readonly status?: SuccessStatus;
  /** The answer's JSON schema, a file, or null for a 204 without body. */
  readonly response: z.ZodType | FileContent | null;
  /** The error codes the endpoint may answer (see `errorStatus`). */
  readonly errors: readonly ErrorCode[];
}

/** Declares one endpoint; the literal types of what it is given are kept. */
export function defineEndpoint<const E extends EndpointSpec>(endpoint: E): E {
  return endpoint;
}

/** Any declared endpoint. */
export type Endpoint = EndpointSpec;

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The path parameters a caller gives. */
export type EndpointParams<E extends Endpoint> = InputOf<E['params']>;
/** The query a caller gives. */
export type EndpointQuery<E extends Endpoint> = InputOf<E['query']>;
/** The JSON body a caller sends (a file body is sent by the client's own means). */
export type EndpointBody<E extends Endpoint> = E['body'] extends z.ZodType
  ? z.input<E['body']>
  : undefined;
/** The parsed answer of a JSON endpoint (undefined for 204 and files). */
export type EndpointResponse<E extends Endpoint> = OutputOf<E['response']>;
/** What a server handler returns for a JSON endpoint (the schema's input shape). */
export type EndpointReply<E extends Endpoint> = InputOf<E['response']>;

/** True when `content` is a file rather than a JSON schema. */
export function isFileContent(content: unknown): content is FileContent {
  return typeof content === 'object' && content !== null && 'file' in content;
}

/** The success status of `endpoint`. */
export function successStatus(endpoint: Endpoint): SuccessStatus {
  return endpoint.status ?? 200;
}

/** What a client gives to call an endpoint; keys only for what the endpoint has. */
export interface CallInput {
  params?: object;
  query?: object;
  body?: unknown;
}

/**
 * The endpoint's URL (relative to the server's root): `:name` segments replaced by the encoded
 * parameters, and the query's non-empty string and number entries as its query string.
 */
export function endpointUrl(endpoint: Endpoint, input: CallInput = {}): string {
  const path = endpoint.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value: unknown = (input.params as Record<string, unknown> | undefined)?.[name];
    if (typeof value !== 'string') throw new Error(`${endpoint.path}: missing parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) {
    if ((typeof value === 'string' && value !== '') || typeof value === 'number')
      search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** What a typed client call takes for `E`: its params, query and body, when it has them. */
export type CallArgs<E extends Endpoint> = (E['params'] extends z.ZodType
  ? { params: z.input<E['params']> }
  : { params?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: z.input<E['query']> } : { query?: undefined }) &
  (E['body'] extends z.ZodType
    ? { body: z.input<E['body']> }
    : E['body'] extends FileContent
      ? { body: unknown }
      : { body?: undefined });

/** The rest parameters of a typed client call: optional when `E` needs no input. */
export type CallRest<E extends Endpoint> =
  Record<string, never> extends CallArgs<E> ? [input?: CallArgs<E>] : [input: CallArgs<E>];
