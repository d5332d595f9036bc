import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { readFixtureJson } from '@passerelle/tdfc';
import { startTestApp, type TestApp } from '../test/test-app';

const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };
const DOSSIER = {
  siren: EXAMPLE.siren,
  name: EXAMPLE.name,
  postcode: '75002',
  city: 'Paris',
  category: 'BI',
  regime: 'RS',
  taxation: 'IS',
  rof: 'IS1',
};

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
    expect(audit.events[0]).toMatchObject({
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
    expect(bad.json().message).toMatch(/^Import refusé, aucune déclaration créée : \[1\] /);
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
});
