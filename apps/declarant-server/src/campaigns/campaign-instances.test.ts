import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { syntheticFuturePack, zipPack } from '@passerelle/tdfc/testing';
import { buildDossier, testSiren } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

// Two instances of the declarant on one database: a pack installed through one serves on the
// other at once, without a restart. The pack is SYNTHETIC (2025 tables moved one year on).
describe.each(await testDialects())('campaign packs on two instances (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('installs a SYNTHETIC millésime 26 pack on instance A; instance B serves millésime 26 without restart', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const b = await t.startInstance();
    // B has built its dictionaries (25, 24, 23) before the install.
    const before = (await b.call('GET', '/api/campaigns', { cookie })).json();
    expect(before.served.map((s: { millesime: string }) => s.millesime)).toEqual([
      '25',
      '24',
      '23',
    ]);

    const installed = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: { cookie, origin: 'http://passerelle.test', 'content-type': 'application/zip' },
      payload: Buffer.from(zipPack(syntheticFuturePack())),
    });
    expect(installed.statusCode).toBe(201);

    const dossier = (
      await b.call('POST', '/api/dossiers', { cookie, body: buildDossier({ siren: testSiren(3) }) })
    ).json().dossier;
    const exercise = (
      await b.call('POST', `/api/dossiers/${dossier.id}/exercises`, {
        cookie,
        body: { start: '2025-01-01', end: '2025-12-31' },
      })
    ).json().dossier.exercises[0];
    const created = await b.call('POST', `/api/dossiers/${dossier.id}/declarations`, {
      cookie,
      body: { exerciseId: exercise.id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().declaration).toMatchObject({
      millesime: '26',
      pack: { campaign: '2026', edition: 1 },
    });
    const after = (await b.call('GET', '/api/campaigns', { cookie })).json();
    expect(after.served[0]).toMatchObject({ millesime: '26', closingYear: 2025, campaign: '2026' });
  });
});
