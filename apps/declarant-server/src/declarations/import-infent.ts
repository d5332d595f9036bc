import {
  declarantApi,
  MAX_IMPORT_DECLARATIONS,
  MAX_INFENT_IMPORT_BYTES,
} from '@passerelle/contracts';
import { AppError, TimeSlicer, routeRegistrar, yieldToEventLoop } from '@passerelle/server-kit';
import { InfentError, streamInfentDeclarations, type Declaration } from '@passerelle/tdfc';
import type { DeclarantRoutes } from '../http/feature-routes';
import { importRefused, importTooLarge, storeImported } from './imports.service';

/**
 * Bytes read between two turns of the event loop: an upload already buffered would otherwise
 * be read in one go (its chunks come in microtasks), whatever holds the declarations apart.
 */
const BYTES_PER_TURN = 256 * 1024;

const TYPES = [...declarantApi.declarations.importInterchange.body.file];

/**
 * Counts the bytes of the upload as they arrive and stops past the limit; every
 * BYTES_PER_TURN it lets the event loop run.
 */
async function* bounded(source: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  let sinceTurn = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > limit) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Import refusé, aucune déclaration créée : le fichier dépasse ${Math.round(limit / 1024 / 1024)} Mo.`,
      );
    }
    sinceTurn += chunk.length;
    if (sinceTurn >= BYTES_PER_TURN) {
      sinceTurn = 0;
      await yieldToEventLoop();
    }
    yield chunk;
  }
}

/**
 * `POST /api/declarations/import`: an EDI-TDFC INFENT file from another software, read as it
 * arrives (streaming reader: a 50 MB file never sits whole in memory as segments); every
 * declaration is checked before anything is stored, and one problem refuses the whole file.
 * Bounds: MAX_INFENT_IMPORT_BYTES (413) and MAX_IMPORT_DECLARATIONS (422 `IMPORT_TOO_LARGE`).
 */
export function registerInfentImport({ app, ctx, guard }: DeclarantRoutes) {
  void app.register(async (scope) => {
    // The raw body is handed over as a stream; the JSON-only rule stays for every other route.
    scope.addContentTypeParser(TYPES, (_request, payload, done) => done(null, payload));
    routeRegistrar(scope, guard.authorize)(
      declarantApi.declarations.importInterchange,
      async ({ caller, request }) => {
        const declarations: Declaration[] = [];
        try {
          const source = bounded(request.body as AsyncIterable<Buffer>, MAX_INFENT_IMPORT_BYTES);
          // Reading a declaration (segments, checks) is CPU work: other requests get turns.
          const slicer = new TimeSlicer();
          const { combined } = await ctx.dictionaries.refresh();
          for await (const declaration of streamInfentDeclarations(combined, source)) {
            // Refused as soon as the count is passed: the rest of the file is not read.
            if (declarations.length === MAX_IMPORT_DECLARATIONS) throw importTooLarge();
            declarations.push(declaration);
            await slicer.pause();
          }
        } catch (error) {
          if (error instanceof InfentError) throw importRefused([error.message]);
          throw error;
        }
        if (declarations.length === 0)
          throw importRefused(['le fichier ne contient aucune déclaration']);
        return {
          declarations: await storeImported(ctx, caller, declarations, 'infent', request.ip),
        };
      },
    );
  });
}
