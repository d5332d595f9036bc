import type { FastifyError } from 'fastify';
import {
  declarantApi,
  MAX_IMPORT_DECLARATIONS,
  MAX_JSON_IMPORT_BYTES,
  type DeclarationSummary,
} from '@passerelle/contracts';
import { importDeclaration, type Declaration, type ImportError } from '@passerelle/tdfc';
import { AppError, mapInSlices } from '@passerelle/server-kit';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import type { DeclarantRoutes } from '../http/feature-routes';
import { frenchCount, importRefused, importTooLarge, storeImported } from './imports.service';

/** The 413 of a JSON body over the route's limit, saying the limit in French. */
const TOO_LARGE = new AppError(
  'PAYLOAD_TOO_LARGE',
  `Import refusé, aucune déclaration créée : le fichier JSON dépasse ${MAX_JSON_IMPORT_BYTES / 1024 / 1024} Mo. Découpez-le en plusieurs imports (${frenchCount(MAX_IMPORT_DECLARATIONS)} déclarations au plus chacun).`,
);

const describe = (errors: ImportError[], prefix = '') =>
  errors.map((error) => `${prefix}${error.path ? `${error.path} : ` : ''}${error.message}`);

/**
 * The integrators' JSON format: one declaration, or a list of at most MAX_IMPORT_DECLARATIONS.
 * They are read and checked in time slices with a turn of the event loop between them.
 */
export async function importJson(
  ctx: AppContext,
  caller: Caller,
  body: unknown,
  ip: string,
): Promise<DeclarationSummary[]> {
  const inputs = Array.isArray(body) ? (body as unknown[]) : [body];
  if (inputs.length === 0) throw importRefused(['la liste de déclarations est vide']);
  if (inputs.length > MAX_IMPORT_DECLARATIONS) throw importTooLarge(inputs.length);
  // Read again: a pack installed on another instance serves here from this import on.
  const { combined } = await ctx.dictionaries.refresh();
  const results = await mapInSlices(inputs, (input) => importDeclaration(combined, input));
  const declarations: Declaration[] = [];
  const problems: string[] = [];
  for (const [index, result] of results.entries()) {
    if (result.ok) declarations.push(result.declaration);
    else problems.push(...describe(result.errors, inputs.length > 1 ? `[${index}] ` : ''));
  }
  if (problems.length > 0) throw importRefused(problems);
  return storeImported(ctx, caller, declarations, 'json', ip);
}

/**
 * `POST /api/declarations/import-json`: at most MAX_JSON_IMPORT_BYTES (413 with the limit in
 * French beyond, before the body is read when it says its length) and MAX_IMPORT_DECLARATIONS
 * declarations (422 `IMPORT_TOO_LARGE`).
 */
export function registerJsonImport({ route, ctx, guard }: DeclarantRoutes) {
  route(
    declarantApi.declarations.importJson,
    // Any JSON: the body is read as it came, not through a schema.
    async ({ caller, request }) => ({
      declarations: await importJson(ctx, caller, request.body, request.ip),
    }),
    {
      bodyLimit: MAX_JSON_IMPORT_BYTES,
      // Signed in before the body is read: nobody else gets 10 Mo of JSON parsed.
      onRequest: async (request) => {
        await guard.requireUser(request);
      },
      // Fastify's own "body too large" becomes this route's French sentence; the rest goes on
      // to the server's error handler.
      errorHandler: (error: FastifyError) => {
        throw error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? TOO_LARGE : error;
      },
    },
  );
}
