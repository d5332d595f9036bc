import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_DECLARATIONS, MAX_JSON_IMPORT_BYTES } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import { readFixtureJson } from '@passerelle/tdfc';
import { startTestApp, type TestApp } from '../testing/test-app';
import { testDossier } from '../testing/factories';

/** French grouping: "1 000" with the narrow no-break space U+202F. */
const fr = (n: number) => `${Math.floor(n / 1000)}\u202f${String(n % 1000).padStart(3, '0')}`;
const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };
const DOSSIER = testDossier(EXAMPLE.siren, EXAMPLE.name);

describe.each(await testDialects())('JSON import for integrators (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  const count = async () =>
    (await t.ctx.db.selectFrom('declarations').select('id').execute()).length;

  it('imports the documented example into the dossier of its SIREN, creating the exercise', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const dossier = (await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER })).json()
      .dossier;
    const imported = await t.call('POST', '/api/declarations/import-json', {
      cookie,
      body: [
        EXAMPLE,
        { ...EXAMPLE, exercise: { start: '2023-01-01', end: '2023-12-31' }, millesime: '24' },
      ],
    });
    expect(imported.statusCode).toBe(201);
    const { declarations } = imported.json();
    expect(declarations).toHaveLength(2);
    expect(declarations[0]).toMatchObject({
      dossierId: dossier.id,
      source: 'json',
      siren: EXAMPLE.siren,
    });
    const after = (await t.call('GET', `/api/dossiers/${dossier.id}`, { cookie })).json().dossier;
    expect(after.exercises).toHaveLength(2);
    const audit = (await t.call('GET', '/api/audit-events', { cookie })).json();
    expect(audit.items[0]).toMatchObject({
      action: 'declaration.imported',
      details: { source: 'json', count: 2 },
    });
  });

  it('refuses the whole import with precise French reasons, creating nothing', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const noDossier = await t.call('POST', '/api/declarations/import-json', {
      cookie,
      body: EXAMPLE,
    });
    expect(noDossier.statusCode).toBe(422);
    expect(noDossier.json().code).toBe('IMPORT_INVALID');
    expect(noDossier.json().message).toContain(`aucun dossier pour le SIREN ${EXAMPLE.siren}`);
    await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    const bad = await t.call('POST', '/api/declarations/import-json', {
      cookie,
      body: [
        EXAMPLE,
        { ...EXAMPLE, exercise: { start: '2024-13-01', end: '2024-12-31' }, bogus: 1 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toMatch(/^Import refusé, aucune déclaration créée\u00a0: \[1\] /);
    expect(bad.json().message).toContain('bogus');
    const overlap = await t.call('POST', '/api/declarations/import-json', {
      cookie,
      body: [
        EXAMPLE,
        { ...EXAMPLE, exercise: { start: '2024-06-01', end: '2025-05-31' }, millesime: '25' },
      ],
    });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().message).toContain('chevauche');
    expect(await count()).toBe(0);
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/declarations/import-json',
      headers: { cookie, origin: 'http://passerelle.test', 'content-type': 'application/json' },
      payload: '{"siren": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('INVALID_JSON');
  });

  it('refuses more than 1,000 declarations (422) and more than 10 Mo (413) in French, storing nothing', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    const copies = (n: number) => Array.from({ length: n }, () => EXAMPLE);

    const tooMany = await t.call('POST', '/api/declarations/import-json', {
      cookie,
      body: copies(MAX_IMPORT_DECLARATIONS + 1),
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toEqual({
      code: 'IMPORT_TOO_LARGE',
      message: `Import refusé, aucune déclaration créée : le fichier contient ${fr(1001)} déclarations (${fr(1000)} au plus par import). Découpez-le en plusieurs imports.`,
    });

    // Padding inside a valid JSON list: the limit is on bytes, whatever they hold.
    const padded = JSON.stringify([{ ...EXAMPLE, name: 'X'.repeat(MAX_JSON_IMPORT_BYTES) }]);
    const tooBig = await t.call('POST', '/api/declarations/import-json', { cookie, body: padded });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: `Import refusé, aucune déclaration créée : le fichier JSON dépasse 10 Mo. Découpez-le en plusieurs imports (${fr(1000)} déclarations au plus chacun).`,
    });
    expect(await count()).toBe(0);
  });

  it('imports the maximum, 1,000 declarations, in one request, all or nothing', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    const body = Array.from({ length: MAX_IMPORT_DECLARATIONS }, () => EXAMPLE);
    // One bad declaration at the end refuses the 999 good ones before it.
    const last = { ...EXAMPLE, siren: '552100554' };
    const refused = await t.call('POST', '/api/declarations/import-json', {
      cookie,
      body: [...body.slice(1), last],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('déclaration n° 1000 : aucun dossier pour le SIREN');
    expect(await count()).toBe(0);

    const imported = await t.call('POST', '/api/declarations/import-json', { cookie, body });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().declarations).toHaveLength(MAX_IMPORT_DECLARATIONS);
    expect(await count()).toBe(MAX_IMPORT_DECLARATIONS);
    // The same exercise for all: created once.
    const dossier = (await t.call('GET', '/api/dossiers', { cookie })).json().items[0];
    expect(dossier.exercises).toHaveLength(1);
  });
});
