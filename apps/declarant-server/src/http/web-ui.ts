import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '@passerelle/contracts';

/**
 * Serves the built web UI and answers unknown non-API paths with its `index.html`, so that
 * the UI's own routes (/compte, /utilisateurs…) load directly. Unknown API paths get a 404
 * `NOT_FOUND` body.
 */
export async function installWebUi(app: FastifyInstance, distDir: string | undefined) {
  const hasUi = distDir !== undefined && existsSync(join(distDir, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasUi && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const body: ErrorBody = { code: 'NOT_FOUND', message: 'Ressource introuvable.' };
    return reply.code(404).send(body);
  });
}
