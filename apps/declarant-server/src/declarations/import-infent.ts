import type { FastifyInstance } from 'fastify';
import { AppError } from '@passerelle/server-kit';
import { InfentError, streamInfentDeclarations, type Declaration } from '@passerelle/tdfc';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import { dictionary } from './declarations.service';
import { importRefused, storeImported } from './imports.service';

/** Largest INFENT file accepted (a firm's whole campaign fits in a few MB). */
export const MAX_INFENT_BYTES = 50 * 1024 * 1024;

const TYPES = ['application/edifact', 'application/octet-stream', 'text/plain'];

/** Counts the bytes of the upload as they arrive and stops past the limit. */
async function* bounded(source: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > limit) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Fichier trop volumineux : ${Math.round(limit / 1024 / 1024)} Mo au plus.`,
      );
    }
    yield chunk;
  }
}

/**
 * `POST /api/declarations/import`: an EDI-TDFC INFENT file from another software, read as it
 * arrives (streaming reader: a 50 MB file never sits whole in memory as segments); every
 * declaration is checked before anything is stored, and one problem refuses the whole file.
 */
export function registerInfentImport(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  void app.register(async (scope) => {
    // The raw body is handed over as a stream; the JSON-only rule stays for every other route.
    scope.addContentTypeParser(TYPES, (_request, payload, done) => done(null, payload));
    scope.post('/api/declarations/import', async (request, reply) => {
      const caller = await guard.requireUser(request);
      const declarations: Declaration[] = [];
      try {
        const source = bounded(request.body as AsyncIterable<Buffer>, MAX_INFENT_BYTES);
        for await (const declaration of streamInfentDeclarations(dictionary(), source)) {
          declarations.push(declaration);
        }
      } catch (error) {
        if (error instanceof InfentError) throw importRefused([error.message]);
        throw error;
      }
      if (declarations.length === 0)
        throw importRefused(['le fichier ne contient aucune déclaration']);
      const created = await storeImported(ctx, caller, declarations, 'infent', request.ip);
      return reply.code(201).send({ declarations: created });
    });
  });
}
