import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

describe.each(await testDialects())('firm settings: "mode test" (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it('is off by default, set by an administrator only, and audited', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const bruno = await t.signIn('bruno@cabinet-test.fr');
    expect((await t.call('GET', '/api/firm/settings', { cookie: bruno })).json()).toEqual({
      testMode: false,
      siret: null,
    });
    const refused = await t.call('PUT', '/api/firm/settings', {
      cookie: bruno,
      body: { testMode: true },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await t.call('PUT', '/api/firm/settings', {
      cookie: admin,
      body: { testMode: 'oui' },
    });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'testMode' });
    const set = await t.call('PUT', '/api/firm/settings', {
      cookie: admin,
      body: { testMode: true },
    });
    expect(set.json()).toEqual({ testMode: true, siret: null });
    const badSiret = await t.call('PUT', '/api/firm/settings', {
      cookie: admin,
      body: { siret: '73282932000075' },
    });
    expect(badSiret.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'siret' });
    await t.call('PUT', '/api/firm/settings', {
      cookie: admin,
      body: { siret: '732 829 320 00074' },
    });
    expect((await t.call('GET', '/api/firm/settings', { cookie: bruno })).json()).toEqual({
      testMode: true,
      siret: '73282932000074',
    });
    const audit = (await t.call('GET', '/api/audit-events', { cookie: admin })).json();
    expect(audit.items.slice(0, 2)).toMatchObject([
      { action: 'firm.siret_changed', details: { siret: '73282932000074' } },
      { action: 'firm.test_mode_changed', details: { testMode: true } },
    ]);
  });
});
