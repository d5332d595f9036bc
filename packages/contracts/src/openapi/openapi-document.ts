import { z } from 'zod';
import { isFileContent, successStatus, type Endpoint, type FileContent } from '../endpoint';
import { errorStatus, type ErrorCode } from '../error-codes';

// The OpenAPI 3.1 document of an endpoint table (issue #15): generated, never written by hand,
// so it cannot drift from the routes the server registers from the same table.

/** What the document says of the API besides its endpoints. */
export interface OpenApiInfo {
  title: string;
  version: string;
  serverUrl: string;
  description?: string;
  /** How a non-public endpoint's caller proves who they are (an OpenAPI security scheme). */
  security: { name: string; scheme: Record<string, unknown> };
}

/** The body of every refusal, `code` limited to `codes` when given. */
function errorSchema(codes?: readonly [ErrorCode, ...ErrorCode[]]) {
  return z.object({
    code: codes ? z.enum(codes) : z.string(),
    message: z.string(),
    field: z.string().optional(),
    depositId: z.string().optional(),
  });
}

/** JSON Schema (2020-12, OpenAPI 3.1's) of a zod schema: what clients send, or what they get. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

/** `/api/users/:id` → `/api/users/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function fileMedia(content: FileContent): Record<string, unknown> {
  return Object.fromEntries(
    content.file.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
  );
}

/** One response per HTTP status of `errors`, its `code` limited to the codes of that status. */
function errorResponses(errors: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, [ErrorCode, ...ErrorCode[]]>();
  for (const code of new Set(errors)) {
    const codes = byStatus.get(errorStatus[code]);
    if (codes) codes.push(code);
    else byStatus.set(errorStatus[code], [code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: `Refus : ${codes.join(', ')}`,
        content: { 'application/json': { schema: jsonSchemaOf(errorSchema(codes), 'output') } },
      },
    ]),
  );
}

function parametersOf(endpoint: Endpoint): Record<string, unknown>[] {
  const place = (where: 'path' | 'header' | 'query', shape: Record<string, z.ZodType>) =>
    Object.entries(shape).map(([name, schema]) => ({
      name,
      in: where,
      required: where === 'path' || !schema.safeParse(undefined).success,
      ...(where === 'header' && schema.description ? { description: schema.description } : {}),
      schema: jsonSchemaOf(schema, 'input'),
    }));
  return [
    ...place('path', (endpoint.params?.shape ?? {}) as Record<string, z.ZodType>),
    ...place('header', (endpoint.headers?.shape ?? {}) as Record<string, z.ZodType>),
    ...place('query', (endpoint.query?.shape ?? {}) as Record<string, z.ZodType>),
  ];
}

function operationOf(endpoint: Endpoint, info: OpenApiInfo): Record<string, unknown> {
  const { body, response } = endpoint;
  const parameters = parametersOf(endpoint);
  const success =
    response === null
      ? { description: endpoint.summary }
      : {
          description: endpoint.summary,
          content: isFileContent(response)
            ? fileMedia(response)
            : { 'application/json': { schema: jsonSchemaOf(response, 'output') } },
        };
  return {
    summary: endpoint.summary,
    ...(endpoint.access === 'public' ? {} : { security: [{ [info.security.name]: [] }] }),
    ...(endpoint.access === 'administrator' ? { description: 'Réservé aux administrateurs.' } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: isFileContent(body)
              ? fileMedia(body)
              : { 'application/json': { schema: jsonSchemaOf(body, 'input') } },
          },
        }),
    responses: {
      [String(successStatus(endpoint))]: success,
      ...errorResponses(endpoint.errors),
    },
  };
}

/** The OpenAPI 3.1 document of `endpoints`. */
export function openApiDocument(info: OpenApiInfo, endpoints: readonly Endpoint[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operationOf(endpoint, info) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.description ? { description: info.description } : {}),
    },
    servers: [{ url: info.serverUrl }],
    components: { securitySchemes: { [info.security.name]: info.security.scheme } },
    paths,
  };
}
