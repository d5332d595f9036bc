import { afterEach, describe, expect, it } from 'vitest';
import type { Dossier } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import { readAllPages } from '../testing/pages';
import { startTestApp, type TestApp } from '../testing/test-app';
import { testDossier, testSiren } from '../testing/factories';

const NAMES = [
  'Boulangerie Martin',
  'Atelier Dupont',
  'Menuiserie 50%_off',
  'Zinc & Fils',
  'SOCIÉTÉ GÉNÉRALE DES EAUX',
  'Atelier Dupont',
];

describe.each(await testDialects())('paged dossiers (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function create(cookie: string, name: string, index: number): Promise<string> {
    const created = await t.call('POST', '/api/dossiers', {
      cookie,
      body: testDossier(testSiren(index), name),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().dossier.id;
  }

  it('visits every dossier once by name, while dossiers are created between pages', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    for (const [index, name] of NAMES.entries()) await create(cookie, name, index);
    const added: string[] = [];
    const { items, sizes, total } = await readAllPages<Dossier>(
      t,
      cookie,
      '/api/dossiers',
      2,
      async (page) => {
        // "AAA…" sorts before every page already read, "zzz…" (lower case: after "Z" in
        // byte order) after all of them, each after the previous one.
        await create(cookie, `AAA ${page}`, 10 + page);
        added.push(await create(cookie, `zzz ${page}`, 20 + page));
      },
    );
    expect(total).toBe(NAMES.length);
    expect(sizes[0]).toBe(2);
    const names = items.map((d) => d.name);
    expect(names.filter((name) => name.startsWith('AAA'))).toEqual([]);
    expect(items.filter((d) => added.includes(d.id))).toHaveLength(added.length);
    // Byte order of the names (both test databases compare bytes), then ids.
    const key = (d: Dossier) => `${d.name}\u0000${d.id}`;
    expect(items.map(key)).toEqual(items.map(key).sort());
    expect(new Set(items.map((d) => d.id)).size).toBe(items.length);
    // The two "Atelier Dupont" are both there, on whichever pages their ids put them.
    expect(names.filter((name) => name === 'Atelier Dupont')).toHaveLength(2);
  });

  it('searches by raison sociale or SIREN in SQL, with the search’s count', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    for (const [index, name] of NAMES.entries()) await create(cookie, name, index);
    const search = async (q: string) =>
      (await t.call('GET', `/api/dossiers?q=${encodeURIComponent(q)}`, { cookie })).json();
    const names = (page: { items: Dossier[] }) => page.items.map((d) => d.name);

    expect(names(await search('atelier'))).toEqual(['Atelier Dupont', 'Atelier Dupont']);
    expect((await search('ATELIER')).total).toBe(2);
    // Case and accents ignored on both engines, as people type.
    for (const q of ['generale', 'Société Générale', 'SOCIETE  GENERALE', 'société gén'])
      expect(names(await search(q)), q).toEqual(['SOCIÉTÉ GÉNÉRALE DES EAUX']);
    // % and _ are letters here, not wildcards.
    expect(names(await search('50%_'))).toEqual(['Menuiserie 50%_off']);
    expect(names(await search('%'))).toEqual(['Menuiserie 50%_off']);
    // Digits: the SIREN's beginning (spaces allowed), or digits in the name.
    const siren = testSiren(3);
    expect(names(await search(`${siren.slice(0, 3)} ${siren.slice(3, 6)}`))).toContain(
      'Zinc & Fils',
    );
    expect(names(await search(siren))).toEqual(['Zinc & Fils']);
    expect(names(await search('50'))).toContain('Menuiserie 50%_off');
    expect(await search('introuvable')).toEqual({ items: [], nextCursor: null, total: 0 });
    // An empty search is no search.
    expect((await search('  ')).total).toBe(NAMES.length);
    const long = await t.call('GET', `/api/dossiers?q=${'x'.repeat(106)}`, { cookie });
    expect(long.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'q' });
    const paged = await readAllPages<Dossier>(t, cookie, '/api/dossiers?q=atelier', 1);
    expect(paged.sizes).toEqual([1, 1]);
  });
});
