import type { RouteOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { declarantEndpoints } from '@passerelle/contracts';
import { buildApp } from '../app';
import { startTestApp, type TestApp } from '../testing/test-app';

/** `METHOD /path` of every route the real app registers, HEAD twins of GET routes left out. */
async function registeredRoutes(t: TestApp): Promise<string[]> {
  const routes: RouteOptions[] = [];
  const app = await buildApp(t.ctx, { onRoute: (route) => routes.push(route) });
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

describe('the declarant endpoint table', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('declares every API route the server registers, and nothing it does not', async () => {
    t = await startTestApp('sqlite');
    const routes = await registeredRoutes(t);
    const api = routes.filter((route) => route.split(' ')[1]?.startsWith('/api/'));
    // Outside /api/ only the web UI's built files, served by @fastify/static.
    expect(routes.filter((route) => !api.includes(route))).toEqual([]);
    const declared = declarantEndpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(declared).size).toBe(declared.length);
    expect(api.toSorted()).toEqual(declared.toSorted());
  });
});
