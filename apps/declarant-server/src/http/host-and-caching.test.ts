import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawHttp, testDialects } from '@passerelle/server-kit/testing';
import { readFixtureJson } from '@passerelle/tdfc';
import { startTestApp, type TestApp } from '../testing/test-app';
import { testDossier } from '../testing/factories';

const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };

describe.each(await testDialects())('the declarant over a real socket (%s)', (dialect) => {
  let t: TestApp | undefined;
  let webDir: string | undefined;
  afterEach(async () => {
    await t?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
    [t, webDir] = [undefined, undefined];
  });

  /** The test app (PUBLIC_URL http://passerelle.test) listening on a free port of 127.0.0.1. */
  async function listening(env: Record<string, string> = {}) {
    t = await startTestApp(dialect, env);
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const get = (path: string, headers: Record<string, string>) =>
      rawHttp(`${url}${path}`, { headers });
    return { url, port: new URL(url).port, get };
  }

  it('refuses a foreign Host (DNS rebinding) with 421 before any route, and serves its own names', async () => {
    const { url, port, get } = await listening();
    for (const host of ['evil.example', `evil.example:${port}`, 'passerelle.test.evil.example']) {
      const refused = await get('/api/setup', { host });
      expect(refused.status).toBe(421);
      expect(JSON.parse(refused.body)).toEqual({
        code: 'HOST_NOT_ALLOWED',
        message: `Ce serveur ne répond pas à l’adresse « ${host} ».`,
      });
    }
    // A page of the rebound name posting to "its own" origin: the CSRF guard alone let it through.
    const rebound = await rawHttp(`${url}/api/session`, {
      method: 'POST',
      headers: {
        host: `evil.example:${port}`,
        origin: `http://evil.example:${port}`,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email: 'alice@cabinet.fr', password: 'x' }),
    });
    expect(rebound.status).toBe(421);
    // PUBLIC_URL's host (any case), and this machine's loopback names, which no DNS can rebind.
    for (const host of ['passerelle.test', 'Passerelle.TEST', `127.0.0.1:${port}`, 'localhost']) {
      const served = await get('/api/setup', { host });
      expect(served.status, host).toBe(200);
      expect(JSON.parse(served.body)).toEqual({ needed: true });
    }
  });

  it('accepts the names of ALLOWED_HOSTS, and behind a trusted proxy judges X-Forwarded-Host', async () => {
    const { get, port } = await listening({
      ALLOWED_HOSTS: 'passerelle.cabinet.local, Autre.test',
      TRUST_PROXY: 'true',
    });
    // Names are compared, not ports: a proxy may drop or rewrite the port, no rebinding can.
    for (const [host, status] of [
      ['autre.test', 200],
      ['passerelle.cabinet.local:8443', 200],
      ['cabinet.local', 421],
      ['passerelle.cabinet.local.evil.example', 421],
    ] as const) {
      expect((await get('/api/health', { host })).status, host).toBe(status);
    }
    const proxied = (forwarded: string) =>
      get('/api/health', { host: `127.0.0.1:${port}`, 'x-forwarded-host': forwarded });
    expect((await proxied('passerelle.test')).status).toBe(200);
    expect((await proxied('evil.example')).status).toBe(421);
  });

  it('answers every /api/* with Cache-Control: no-store, downloads included; pages are never cached, hashed assets may be', async () => {
    webDir = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="fr"></html>');
    writeFileSync(join(webDir, 'assets', 'index-4f2a9c1b.js'), 'console.log(1);');
    const { get } = await listening({ WEB_DIST_DIR: webDir });
    const host = { host: 'passerelle.test' };
    expect((await get('/api/health', host)).headers['cache-control']).toBe('no-store');
    const refusal = await get('/api/users', host);
    expect(refusal.status).toBe(401);
    expect(refusal.headers['cache-control']).toBe('no-store');
    expect((await get('/api/inconnu', host)).headers['cache-control']).toBe('no-store');

    // A download: the declaration's INFENT interchange.
    const cookie = await t!.setupAdmin();
    await t!.call('POST', '/api/dossiers', {
      cookie,
      body: testDossier(EXAMPLE.siren, EXAMPLE.name),
    });
    const imported = await t!.call('POST', '/api/declarations/import-json', {
      cookie,
      body: [EXAMPLE],
    });
    await t!.call('PUT', '/api/firm/settings', { cookie, body: { siret: '73282932000074' } });
    const id = imported.json().declarations[0].id as string;
    const file = await get(`/api/declarations/${id}/interchange`, { ...host, cookie });
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(file.headers['cache-control']).toBe('no-store');

    // The web UI's page (directly and as the client-side routes' fallback) is never kept; its
    // hashed assets keep the static server's caching.
    for (const path of ['/', '/compte']) {
      const page = await get(path, host);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control'], path).toBe('no-store');
    }
    const asset = await get('/assets/index-4f2a9c1b.js', host);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).not.toContain('no-store');
  });
});
