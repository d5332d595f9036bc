import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Endpoint } from '@passerelle/contracts';

/**
 * `METHOD /path` of every route an app registers (HEAD twins of GET routes left out): `build`
 * makes the real app, calling `onRoute` for each route as it is added.
 */
export async function registeredRoutes(
  build: (onRoute: (route: RouteOptions) => void) => Promise<FastifyInstance>,
): Promise<string[]> {
  const routes: RouteOptions[] = [];
  const app = await build((route) => routes.push(route));
  await app.ready();
  await app.close();
  return routes
    .flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method]).map(
        (method) => `${method} ${route.url}`,
      ),
    )
    .filter((route) => !route.startsWith('HEAD '));
}

/** `METHOD /path` of every endpoint of a table. */
export const declaredRoutes = (endpoints: readonly Endpoint[]) =>
  endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
