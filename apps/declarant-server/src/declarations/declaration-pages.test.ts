import { afterEach, describe, expect, it } from 'vitest';
import type { DeclarationSummary } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import { readFixtureJson } from '@passerelle/tdfc';
import { readAllPages } from '../testing/pages';
import { startTestApp, type TestApp } from '../testing/test-app';
import { testDossier, testSiren } from '../testing/factories';

const EXAMPLE = readFixtureJson('importExample') as Record<string, unknown>;
// Minutes, not days: the test session must stay inside its idle and absolute timeouts.
const MINUTE = 60_000;

describe.each(await testDialects())('paged declaration lists (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  /** Three dossiers; returns their ids by index. */
  async function dossiers(cookie: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await t.call('POST', '/api/dossiers', {
        cookie,
        body: testDossier(testSiren(i), `SOCIETE ${i}`),
      });
      ids.push(created.json().dossier.id);
    }
    return ids;
  }

  /** Imports `count` "prête" declarations spread over the three dossiers; their ids. */
  async function importReady(cookie: string, count: number): Promise<string[]> {
    const body = Array.from({ length: count }, (_, i) => ({ ...EXAMPLE, siren: testSiren(i % 3) }));
    const imported = await t.call('POST', '/api/declarations/import-json', { cookie, body });
    expect(imported.statusCode, imported.body).toBe(201);
    return imported.json().declarations.map((d: { id: string }) => d.id);
  }

  it('visits every declaration once, newest first, while others are imported between pages', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await dossiers(cookie);
    const first = await importReady(cookie, 7); // one import: seven declarations, one time
    t.clock.advance(MINUTE);
    const second = await importReady(cookie, 4);
    t.clock.advance(MINUTE);

    const older: string[] = [];
    const newer: string[] = [];
    const now = t.clock.now().getTime();
    const at = (ms: number) => t.clock.advance(ms - t.clock.now().getTime());
    const { items, sizes, total } = await readAllPages<DeclarationSummary>(
      t,
      cookie,
      '/api/declarations',
      3,
      async (page) => {
        // Each time one declaration older than all read so far (ahead of the cursor: read
        // later) and one newer than all (behind it: for the next load).
        at(now - (10 + page) * MINUTE);
        older.push(...(await importReady(cookie, 1)));
        at(now + (10 + page) * MINUTE);
        newer.push(...(await importReady(cookie, 1)));
        at(now);
      },
    );
    expect(total).toBe(11);
    expect(sizes.slice(0, 3)).toEqual([3, 3, 3]);
    const ids = items.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length); // never twice
    for (const id of [...first, ...second]) expect(ids).toContain(id); // never missed
    for (const id of older) expect(ids).toContain(id); // inserted ahead: read on a later page
    for (const id of newer) expect(ids).not.toContain(id); // inserted behind: for the next load
    // Newest first; declarations of one import share their time and go by id.
    const key = (d: DeclarationSummary) => `${d.createdAt}|${d.id}`;
    expect(items.map(key)).toEqual(items.map(key).sort().reverse());
    expect(items[0]).toMatchObject({ status: 'ready', source: 'json', millesime: '25' });
    expect(items[0]?.dossierName).toMatch(/^SOCIETE [012]$/);
  });

  it('filters by the status shown, in SQL, with the filter’s count', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const [dossierId] = await dossiers(cookie);
    const ready = await importReady(cookie, 5);
    const dossier = (await t.call('GET', `/api/dossiers/${dossierId}`, { cookie })).json().dossier;
    const draft = await t.call('POST', `/api/dossiers/${dossierId}/declarations`, {
      cookie,
      body: { exerciseId: dossier.exercises[0].id },
    });
    expect(draft.json().declaration.status).toBe('draft');
    // Once sent, a declaration shows its latest transmission's status (set here as the
    // status polling would).
    await t.ctx.db
      .updateTable('declarations')
      .set({ transmission_status: 'accepted' })
      .where('id', '=', ready[0] ?? '')
      .execute();

    const page = async (query: string) =>
      (await t.call('GET', `/api/declarations?${query}`, { cookie })).json();
    expect(await page('status=ready')).toMatchObject({ total: 4, nextCursor: null });
    expect((await page('status=ready')).items.map((d: { id: string }) => d.id).sort()).toEqual(
      ready.slice(1).sort(),
    );
    expect(await page('status=draft')).toMatchObject({
      total: 1,
      items: [{ id: draft.json().declaration.id, status: 'draft' }],
    });
    expect(await page('status=accepted')).toMatchObject({
      total: 1,
      items: [{ id: ready[0], status: 'accepted' }],
    });
    expect(await page('status=rejected')).toEqual({ items: [], nextCursor: null, total: 0 });
    const readyPages = await readAllPages<DeclarationSummary>(
      t,
      cookie,
      '/api/declarations?status=ready',
      2,
    );
    expect(readyPages.sizes).toEqual([2, 2]);
    expect(readyPages.items.every((d) => d.status === 'ready')).toBe(true);

    // A dossier's list: the same paging and filters, after the dossier's own check.
    const ofDossier = await page('status=ready&limit=1');
    expect(ofDossier.items).toHaveLength(1);
    const dossierPage = (
      await t.call('GET', `/api/dossiers/${dossierId}/declarations?status=draft`, { cookie })
    ).json();
    expect(dossierPage).toMatchObject({ total: 1, items: [{ status: 'draft' }] });
    const unknown = await t.call(
      'GET',
      '/api/dossiers/00000000-0000-4000-8000-000000000000/declarations',
      { cookie },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a forged cursor, a page too large and an unknown status: 400 in French', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await dossiers(cookie);
    await importReady(cookie, 3);
    const first = (await t.call('GET', '/api/declarations?limit=1', { cookie })).json();
    const cursor: string = first.nextCursor;
    const dossiersCursor = (await t.call('GET', '/api/dossiers?limit=1', { cookie })).json()
      .nextCursor as string;
    const forged = [
      'nimporte-quoi',
      cursor.slice(0, -4),
      `${cursor}x`,
      dossiersCursor, // another list's
      Buffer.from('["declarations","2026-03-02",1]').toString('base64url'),
      Buffer.from('["declarations"]').toString('base64url'),
      'x'.repeat(600),
    ];
    for (const bad of forged) {
      const refused = await t.call('GET', `/api/declarations?cursor=${bad}`, { cookie });
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json()).toEqual({
        code: 'VALIDATION_ERROR',
        message: 'Curseur de pagination invalide : reprenez la liste depuis le début.',
        field: 'cursor',
      });
    }
    const tooLarge = await t.call('GET', '/api/declarations?limit=201', { cookie });
    expect(tooLarge.json()).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'limit : 200 au plus.',
      field: 'limit',
    });
    const notANumber = await t.call('GET', '/api/declarations?limit=beaucoup', { cookie });
    expect(notANumber.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'limit' });
    const status = await t.call('GET', '/api/declarations?status=perdue', { cookie });
    expect(status.json()).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Statut de déclaration inconnu.',
      field: 'status',
    });
    // The default page size, and the maximum.
    expect((await t.call('GET', '/api/declarations', { cookie })).json().items).toHaveLength(3);
    expect((await t.call('GET', '/api/declarations?limit=200', { cookie })).statusCode).toBe(200);
  });
});
