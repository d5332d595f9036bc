import { afterEach, describe, expect, it } from 'vitest';
import { rawHttp, testDialects } from '@passerelle/server-kit/testing';
import { pageText, signInOnPortal } from './testing/portal-client';
import { startTestPartner, type TestPartner } from './testing/test-partner';

describe.each(await testDialects())('the partner over a real socket (%s)', (dialect) => {
  let t: TestPartner | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** The test partner (PUBLIC_URL http://partenaire.test) listening on a free port of 127.0.0.1. */
  async function listening() {
    t = await startTestPartner(dialect);
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    return (path: string, headers: Record<string, string>) => rawHttp(`${url}${path}`, { headers });
  }

  it('refuses a foreign Host with 421: JSON on the API, a French page on the portal', async () => {
    const get = await listening();
    const api = await get('/api/v1/deposit-policy', { host: 'evil.example' });
    expect(api.status).toBe(421);
    expect(JSON.parse(api.body)).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    const page = await get('/portail/connexion', { host: 'evil.example' });
    expect(page.status).toBe(421);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(pageText(page.body)).toContain('Ce serveur ne répond pas à l’adresse « evil.example ».');
    expect(page.body).not.toContain('name="password"');
    // Its own name; the declarant, calling at PARTNER_URL, sends that same name.
    expect((await get('/api/v1/deposit-policy', { host: 'partenaire.test' })).status).toBe(200);
    expect((await get('/portail/connexion', { host: 'partenaire.test' })).status).toBe(200);
  });

  it('answers the API, its downloads and the portal pages with Cache-Control: no-store', async () => {
    const get = await listening();
    await t!.createVerifiedAccount();
    const cookie = await signInOnPortal(t!);
    const host = { host: 'partenaire.test' };
    for (const path of ['/api/health', '/api/v1/crl', '/api/v1/ca', '/portail/connexion']) {
      const answer = await get(path, host);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
    const dashboard = await get('/portail', { ...host, cookie });
    expect(dashboard.status).toBe(200);
    expect(pageText(dashboard.body)).toContain('Espace client');
    expect(dashboard.headers['cache-control']).toBe('no-store');
    expect((await get('/api/v1/accounts/current', host)).headers['cache-control']).toBe('no-store');
    // The stylesheet holds no data: it is only revalidated.
    expect((await get('/portail/style.css', host)).headers['cache-control']).toBe('no-cache');
  });
});
