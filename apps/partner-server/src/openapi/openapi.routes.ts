import { openApiDocument, partnerApi, partnerEndpoints } from '@passerelle/contracts';
import { openApiPage } from '@passerelle/server-kit';
import type { PartnerRoutes } from '../api-routes';
import type { PartnerContext } from '../context';

const endpoints = partnerApi.service;

/** API v1's OpenAPI document, generated from the endpoint table. */
export function partnerOpenApi(ctx: PartnerContext) {
  return openApiDocument(
    {
      title: `${ctx.config.partnerName} — API v1`,
      version: '1.0.0',
      serverUrl: ctx.config.publicUrl,
      security: { name: 'bearer', scheme: { type: 'http', scheme: 'bearer' } },
    },
    partnerEndpoints,
  );
}

/**
 * The health probe, `GET /api/v1/openapi.json` and its readable page `GET /api/v1/docs`, both
 * made once at start.
 */
export function registerServiceRoutes({ route, ctx }: PartnerRoutes) {
  const document = partnerOpenApi(ctx);
  const page = openApiPage(
    {
      title: `API v1 — ${ctx.config.partnerName}`,
      documentPath: endpoints.openApi.path,
      access: {
        public: 'sans jeton',
        user: 'jeton d’accès requis (Authorization: Bearer)',
        administrator: 'jeton d’accès de l’administrateur du compte (Authorization: Bearer)',
      },
    },
    partnerEndpoints,
  );
  route(endpoints.health, async () => ({ status: 'ok' as const }));
  route(endpoints.openApi, async () => document);
  route(endpoints.page, async ({ reply }) => reply.type('text/html; charset=utf-8').send(page));
}
