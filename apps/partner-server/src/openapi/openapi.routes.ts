import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { jsonSchemaOf, openApiDocument, operations } from './openapi-document';

const escape = escapeHtml;

/** `GET /api/v1/openapi.json` and a browsable page of it at `GET /api/v1/docs`. */
export function registerOpenApiRoutes(app: FastifyInstance, ctx: PartnerContext) {
  const document = openApiDocument(ctx.config.publicUrl, ctx.config.partnerName);
  app.get('/api/v1/openapi.json', async () => document);

  const sections = operations
    .map((op) => {
      const request = op.request
        ? `<h4>Corps de la requête (JSON)</h4><pre>${escape(JSON.stringify(jsonSchemaOf(op.request), null, 2))}</pre>`
        : '';
      const response = op.response?.schema
        ? `<h4>Réponse ${op.response.status}</h4><pre>${escape(JSON.stringify(jsonSchemaOf(op.response.schema), null, 2))}</pre>`
        : `<h4>Réponse ${op.response?.status ?? ''} ${escape(op.response?.contentType ?? '')}</h4>`;
      return `<section><h3><code>${op.method.toUpperCase()} ${escape(op.path)}</code></h3><p>${escape(op.summary)}${
        op.auth ? ' — <em>jeton d’accès requis (Authorization: Bearer)</em>' : ''
      }</p>${request}${response}</section>`;
    })
    .join('\n');
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>API v1 — ${escape(
    ctx.config.partnerName,
  )}</title></head><body><main><h1>API v1 — ${escape(ctx.config.partnerName)}</h1>
<p>Document OpenAPI 3.1 : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Toute erreur est un objet JSON <code>{code, message, field?}</code>.</p>
${sections}</main></body></html>`;
  app.get('/api/v1/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
}
