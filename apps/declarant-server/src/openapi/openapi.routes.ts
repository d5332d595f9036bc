import { declarantApi, declarantEndpoints, openApiDocument } from '@passerelle/contracts';
import { openApiPage } from '@passerelle/server-kit';
import { sessionCookieName } from '../auth/session-cookie';
import type { AppContext } from '../context';
import type { DeclarantRoutes } from '../http/feature-routes';

const TITLE = 'API du déclarant Passerelle';

/** The declarant API's OpenAPI document of every endpoint, `GET /api/openapi.json`. */
export function declarantOpenApi(ctx: AppContext) {
  return openApiDocument(
    {
      title: TITLE,
      version: '1.0.0',
      serverUrl: ctx.config.publicUrl,
      security: {
        name: 'session',
        scheme: { type: 'apiKey', in: 'cookie', name: sessionCookieName(ctx.config) },
      },
    },
    declarantEndpoints,
  );
}

/** `GET /api/openapi.json` and its readable page `GET /api/docs`, both made once at start. */
export function registerOpenApiRoutes({ route, ctx }: DeclarantRoutes) {
  const document = declarantOpenApi(ctx);
  const page = openApiPage(
    {
      title: TITLE,
      documentPath: declarantApi.documentation.openApi.path,
      access: {
        public: 'sans connexion',
        user: 'utilisateur connecté (cookie de session)',
        administrator: 'administrateur connecté (cookie de session)',
      },
    },
    declarantEndpoints,
  );
  route(declarantApi.documentation.openApi, async () => document);
  route(declarantApi.documentation.page, async ({ reply }) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
}
