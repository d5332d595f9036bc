import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import { readFixtureJson } from '@passerelle/tdfc';
import { startTestApp, type TestApp } from '../testing/test-app';
import { testDossier } from '../testing/factories';

const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };
const DOSSIER = testDossier(EXAMPLE.siren, EXAMPLE.name);

describe.each(await testDialects())('exercises created at the same time (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function dossierWithCookie() {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const dossier = (await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER })).json()
      .dossier as { id: string };
    return { cookie, dossierId: dossier.id };
  }

  const exercisesOf = (dossierId: string) =>
    t.ctx.db
      .selectFrom('exercises')
      .select(['start_date', 'end_date'])
      .where('dossier_id', '=', dossierId)
      .execute();

  it('"Ajouter un exercice" ten times at once, overlapping: one added, nine told why, no 500', async () => {
    const { cookie, dossierId } = await dossierWithCookie();
    const responses = await atOnce(10, (i) =>
      t.call('POST', `/api/dossiers/${dossierId}/exercises`, {
        cookie,
        // Same year, a different first day each: any two overlap.
        body: { start: `2025-01-${String(i + 1).padStart(2, '0')}`, end: '2025-12-31' },
      }),
    );
    expect(countStatuses(responses)).toEqual({ 201: 1, 409: 9 });
    expect(responses.find((r) => r.statusCode === 409)!.json().code).toBe('EXERCISE_OVERLAP');
    expect(await exercisesOf(dossierId)).toHaveLength(1);
  });

  it('eight imports at once needing the same new exercise share it, none fails', async () => {
    const { cookie, dossierId } = await dossierWithCookie();
    const responses = await atOnce(8, () =>
      t.call('POST', '/api/declarations/import-json', { cookie, body: [EXAMPLE] }),
    );
    expect(countStatuses(responses)).toEqual({ 201: 8 });
    expect(await exercisesOf(dossierId)).toHaveLength(1);
  });
});
