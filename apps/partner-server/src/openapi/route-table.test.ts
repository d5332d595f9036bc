import { afterEach, describe, expect, it } from 'vitest';
import { partnerEndpoints } from '@passerelle/contracts';
import { declaredRoutes, registeredRoutes } from '@passerelle/server-kit/testing';
import { buildPartnerApp } from '../app';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

describe('the partner endpoint table', () => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('declares every API route the partner registers, and nothing it does not', async () => {
    t = await startTestPartner('sqlite');
    const routes = await registeredRoutes((onRoute) => buildPartnerApp(t.ctx, { onRoute }));
    const api = routes.filter((route) => route.split(' ')[1]?.startsWith('/api/'));
    // Outside /api/ only the portal's HTML pages.
    expect(routes.filter((route) => !api.includes(route))).toEqual(
      routes.filter((route) => route.split(' ')[1]?.startsWith('/portail')),
    );
    const declared = declaredRoutes(partnerEndpoints);
    expect(new Set(declared).size).toBe(declared.length);
    expect(api.toSorted()).toEqual(declared.toSorted());
  });
});
