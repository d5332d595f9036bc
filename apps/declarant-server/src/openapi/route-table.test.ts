import { afterEach, describe, expect, it } from 'vitest';
import { declarantEndpoints } from '@passerelle/contracts';
import { declaredRoutes, registeredRoutes } from '@passerelle/server-kit/testing';
import { buildApp } from '../app';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('the declarant endpoint table', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('declares every API route the server registers, and nothing it does not', async () => {
    t = await startTestApp('sqlite');
    const routes = await registeredRoutes((onRoute) => buildApp(t.ctx, { onRoute }));
    const api = routes.filter((route) => route.split(' ')[1]?.startsWith('/api/'));
    // Outside /api/ only the web UI's built files, served by @fastify/static.
    expect(routes.filter((route) => !api.includes(route))).toEqual([]);
    const declared = declaredRoutes(declarantEndpoints);
    expect(new Set(declared).size).toBe(declared.length);
    expect(api.toSorted()).toEqual(declared.toSorted());
  });
});
