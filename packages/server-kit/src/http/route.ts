import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import {
  isFileContent,
  successStatus,
  type Endpoint,
  type EndpointAccess,
  type EndpointReply,
  type FileContent,
} from '@passerelle/contracts';
import { parseInput } from '../validation';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route's handler receives: the caller, the parsed input, and Fastify's objects. */
export interface RouteInput<E extends Endpoint, C> {
  /** The caller `authorize` resolved (undefined for a public endpoint). */
  caller: E['access'] extends 'public' ? undefined : C;
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  /** The parsed JSON body; a file body is read from `request.body` by the handler. */
  body: Parsed<E['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** What the handler returns: the JSON answer, nothing for a 204, the reply it sent for a file. */
export type RouteResult<E extends Endpoint> = E['response'] extends FileContent
  ? FastifyReply
  : E['response'] extends z.ZodType
    ? EndpointReply<E>
    : undefined;

export type RouteHandler<E extends Endpoint, C> = (
  input: RouteInput<E, C>,
) => Promise<RouteResult<E>>;

/** Resolves the caller of an endpoint of this access, or throws the refusal. */
export type Authorize<C> = (
  request: FastifyRequest,
  access: EndpointAccess,
) => Promise<C | undefined>;

/**
 * Registers the route of `endpoint` (its method and path): the caller is authorized first, then
 * the params, query and JSON body are parsed with the endpoint's schemas (a `VALIDATION_ERROR`
 * naming the field, see `parseInput`), the handler runs, and its answer goes with the
 * endpoint's success status (204: no body).
 */
export function route<const E extends Endpoint, C>(
  app: FastifyInstance,
  authorize: Authorize<C>,
  endpoint: E,
  handler: RouteHandler<E, C>,
  options: RouteShorthandOptions = {},
): void {
  const status = successStatus(endpoint);
  app.route({
    ...options,
    method: endpoint.method,
    url: endpoint.path,
    handler: async (request, reply) => {
      const caller = await authorize(request, endpoint.access);
      const input = {
        caller,
        params: endpoint.params ? parseInput(endpoint.params, request.params) : undefined,
        query: endpoint.query ? parseInput(endpoint.query, request.query) : undefined,
        body:
          endpoint.body && !isFileContent(endpoint.body)
            ? parseInput(endpoint.body, request.body)
            : undefined,
        request,
        reply,
      } as RouteInput<E, C>;
      const result = await handler(input);
      if (isFileContent(endpoint.response)) return result;
      if (status === 204) return reply.code(204).send();
      if (status !== 200) reply.code(status);
      return result;
    },
  });
}

/** `route` with the app and the authorization bound: `route(endpoint, handler)`. */
export type RouteRegistrar<C> = <const E extends Endpoint>(
  endpoint: E,
  handler: RouteHandler<E, C>,
  options?: RouteShorthandOptions,
) => void;

/** `route` with the app and the authorization bound: `route(endpoint, handler)`. */
export function routeRegistrar<C>(
  app: FastifyInstance,
  authorize: Authorize<C>,
): RouteRegistrar<C> {
  return (endpoint, handler, options) => route(app, authorize, endpoint, handler, options);
}

/**
 * What an app hands each feature's routes file, built once where the app assembles its routes:
 * the app, its context, and the registrar bound to the app's authorization.
 */
export interface FeatureRoutes<Ctx, C> {
  app: FastifyInstance;
  ctx: Ctx;
  route: RouteRegistrar<C>;
}
