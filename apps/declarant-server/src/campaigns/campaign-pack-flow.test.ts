import { afterEach, describe, expect, it } from 'vitest';
import { installPack } from '@passerelle/campaign-packs';
import { testDialects } from '@passerelle/server-kit/testing';
import { syntheticFuturePack, withFileText, zipPack } from '@passerelle/tdfc/testing';
import { buildDeclaration, buildDossier, testSiren } from '../testing/factories';
import { startSendingWorld, type SendingWorld } from '../testing/sending-world';

// The pack installed here is SYNTHETIC: the 2025 tables with every millésime moved one year on
// (campaign 2026, millésime 26 = exercises closed in 2025), not tables the DGFiP published.
describe.each(await testDialects())('campaign packs, end to end (%s)', (dialect) => {
  let w: SendingWorld;
  afterEach(async () => w?.close());

  const upload = (cookie: string, bytes: Uint8Array, type = 'application/zip') =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: { cookie, origin: 'http://passerelle.test', 'content-type': type },
      payload: Buffer.from(bytes),
    });

  it('installs a SYNTHETIC millésime 26 pack, then creates, validates, sends and reads back a declaration of 2025', async () => {
    w = await startSendingWorld(dialect, { count: 1 });
    const { t } = w;
    const siren = testSiren(7);
    const dossier = (
      await t.call('POST', '/api/dossiers', {
        cookie: w.cookie,
        body: buildDossier({ siren, name: 'SOCIETE 2025' }),
      })
    ).json().dossier;
    const exercise = (
      await t.call('POST', `/api/dossiers/${dossier.id}/exercises`, {
        cookie: w.cookie,
        body: { start: '2025-01-01', end: '2025-12-31' },
      })
    ).json().dossier.exercises[0];
    const create = () =>
      t.call('POST', `/api/dossiers/${dossier.id}/declarations`, {
        cookie: w.cookie,
        body: { exerciseId: exercise.id },
      });
    const refused = await create();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain(
      'Les formulaires du millésime 26 (exercices clos en 2025) ne sont pas installés',
    );

    // Administrators only; a broken pack is refused whole, in French, with file, line, column.
    const pack = syntheticFuturePack();
    expect((await upload(w.cookie, zipPack(pack))).statusCode).toBe(403);
    const broken = withFileText(pack, 'tdfc26d.edi', (text) =>
      text.replace('2033A     26FGMOA', '2033A     26FGXYZ'),
    );
    const bad = await upload(w.adminCookie, zipPack(broken));
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'PACK_INVALID',
      message: expect.stringMatching(
        /^Pack refusé, rien n’est installé\s: tdfc26d\.edi, ligne \d+, colonne 15\s: segment inconnu « XYZ »/,
      ),
    });
    expect(await t.ctx.db.selectFrom('campaign_packs').select('id').execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('campaign_pack_files').select('name').execute()).toEqual([]);
    expect((await upload(w.adminCookie, new Uint8Array([1, 2]))).json().message).toContain(
      'archive .zip ou .tar.gz attendue',
    );

    const installed = await upload(w.adminCookie, zipPack(pack, 'campagne-2026/'));
    expect(installed.statusCode).toBe(201);
    expect(installed.json().pack).toMatchObject({
      campaign: '2026',
      edition: 1,
      millesimes: ['26'],
      builtIn: false,
      installedBy: expect.any(String),
    });
    const list = (await t.call('GET', '/api/campaigns', { cookie: w.adminCookie })).json();
    expect(list.items.map((p: { campaign: string }) => p.campaign)).toEqual(['2026', '2025']);
    expect(list.served[0]).toMatchObject({ millesime: '26', closingYear: 2025, campaign: '2026' });
    const audit = (await t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('campaign.installed');

    // The editor's declaration: millésime 26, validated with the 2026 pack.
    const created = await create();
    expect(created.statusCode).toBe(201);
    expect(created.json().declaration).toMatchObject({
      millesime: '26',
      pack: { campaign: '2026', edition: 1 },
    });

    // A filled one (the documented example, exercise 2025) goes all the way to the partner,
    // which has the pack too (its operator installed it).
    await installPack(w.partner.ctx.db, w.partner.ctx.dictionaries, {
      files: pack,
      installedBy: 'operator',
      at: new Date(),
      dialect: w.partner.ctx.dialect,
    });
    const imported = await t.call('POST', '/api/declarations/import-json', {
      cookie: w.cookie,
      body: buildDeclaration({ siren, name: 'SOCIETE 2025', exercise: '2025' }),
    });
    expect(imported.statusCode).toBe(201);
    const [summary] = imported.json().declarations;
    expect(summary).toMatchObject({ millesime: '26', status: 'ready' });
    expect((await w.send([summary.id])).statusCode).toBe(202);
    await w.runEverything();
    const read = (
      await t.call('GET', `/api/declarations/${summary.id}`, { cookie: w.cookie })
    ).json().declaration;
    expect(read).toMatchObject({
      millesime: '26',
      status: 'accepted',
      pack: { campaign: '2026', edition: 1 },
    });
  });
});
