import { afterEach, describe, expect, it } from 'vitest';
import { attime, createOpensslFolder, opensslCmsVerify } from '@passerelle/pki/testing';
import { testDialects } from '@passerelle/server-kit/testing';
import { FIRM_SIRET, startSendingWorld, type SendingWorld } from '../testing/sending-world';

describe.each(await testDialects())('Envoyer: signing a batch (%s)', (dialect) => {
  let w: SendingWorld;
  afterEach(async () => {
    await w.close();
  });

  const declaration = async (id: string) =>
    (await w.t.call('GET', `/api/declarations/${id}`, { cookie: w.cookie })).json().declaration;
  const transmissionRows = () =>
    w.t.ctx.db.selectFrom('transmissions').selectAll().orderBy('created_at').execute();

  it('signs every declaration with one password and commits them as queued transmissions', async () => {
    w = await startSendingWorld(dialect, { count: 3 });
    const sent = await w.send();
    expect(sent.statusCode).toBe(202);
    const body = sent.json();
    expect(body.sending).toMatchObject({ total: 3, queued: 3, finished: 0, done: false });
    expect(body.transmissionIds).toHaveLength(3);
    for (const id of w.declarationIds) expect((await declaration(id)).status).toBe('queued');
    // The batch's declarations, as `passerelle send` reads them back: a filter of the list.
    const ofBatch = (
      await w.t.call('GET', `/api/declarations?sendingId=${body.sending.id}`, { cookie: w.cookie })
    ).json();
    expect(ofBatch.total).toBe(3);
    expect(ofBatch.items.map((d: { id: string }) => d.id).sort()).toEqual(
      [...w.declarationIds].sort(),
    );
    const otherBatch = '00000000-0000-4000-8000-000000000000';
    expect(
      (
        await w.t.call('GET', `/api/declarations?sendingId=${otherBatch}`, { cookie: w.cookie })
      ).json().total,
    ).toBe(0);

    // What is stored is a CMS SignedData openssl verifies against the partner CA, holding the
    // INFENT interchange of the firm, with the four signed attributes.
    const rows = await transmissionRows();
    expect(rows.map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
    const folder = createOpensslFolder();
    const { chain_pem } = await w.t.ctx.db
      .selectFrom('signatures')
      .select('chain_pem')
      .executeTakeFirstOrThrow();
    folder.write('ca.pem', chain_pem);
    const verify = opensslCmsVerify(folder, 'signed.p7m', Buffer.from(rows[0]!.signed_bytes), [
      '-purpose',
      'any',
      '-attime',
      attime(w.t.clock.now()),
    ]);
    expect(verify.output).toContain('Verification successful');
    const content = String(verify.content);
    expect(content.startsWith(`UNA:+,? 'UNB+UNOL:3+${FIRM_SIRET}:5`)).toBe(true);
    const printed = folder.ok(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'signed.p7m']);
    for (const attribute of [
      'contentType',
      'signingTime',
      'messageDigest',
      'signingCertificateV2',
    ]) {
      expect(printed).toContain(attribute);
    }
    folder.remove();

    // The declaration is frozen while on its way.
    const edit = await w.t.call('PATCH', `/api/declarations/${w.declarationIds[0]}/cells`, {
      cookie: w.cookie,
      body: {
        version: (await declaration(w.declarationIds[0]!)).version,
        changes: [{ form: '2033A', code: 'AA', value: 1 }],
      },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('DECLARATION_LOCKED');
    // And cannot be sent twice.
    const again = await w.send([w.declarationIds[0]!]);
    expect(again.json().code).toBe('DECLARATION_NOT_READY');
    const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    expect(
      audit.items.find((e: { action: string }) => e.action === 'declarations.sent'),
    ).toMatchObject({
      details: { count: 3 },
    });
  });

  it('refuses the whole batch, signing nothing, with a precise reason', async () => {
    w = await startSendingWorld(dialect, { count: 2 });
    const wrong = await w.send(undefined, 'ce n’est pas le bon mot de passe');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'WRONG_SIGNATURE_PASSWORD', field: 'password' });
    expect(wrong.json().message).toMatch(/essai/);

    // A draft among the ready ones: nothing is sent.
    const draft = await w.t.call('PATCH', `/api/declarations/${w.declarationIds[1]}/cells`, {
      cookie: w.cookie,
      body: {
        version: (await declaration(w.declarationIds[1]!)).version,
        changes: [{ form: '2033B', code: 'BC', value: -5 }], // a blocking error
      },
    });
    expect(draft.json().declaration.status).toBe('draft');
    const mixed = await w.send();
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().code).toBe('DECLARATION_NOT_READY');
    expect(mixed.json().message).toContain('SOCIETE 1');

    // The firm in "mode test", the partner in production.
    await w.t.call('PUT', '/api/firm/settings', {
      cookie: w.adminCookie,
      body: { testMode: true },
    });
    const mismatch = await w.send([w.declarationIds[0]!]);
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json().code).toBe('TEST_MODE_MISMATCH');
    await w.t.call('PUT', '/api/firm/settings', {
      cookie: w.adminCookie,
      body: { testMode: false },
    });

    // Client space disconnected.
    await w.t.call('DELETE', '/api/me/client-space', { cookie: w.cookie });
    const disconnected = await w.send([w.declarationIds[0]!]);
    expect(disconnected.json().code).toBe('CLIENT_SPACE_NOT_CONNECTED');

    expect(await transmissionRows()).toHaveLength(0);
    expect((await declaration(w.declarationIds[0]!)).status).toBe('ready');
    // Neither password ever reaches the logs.
    const logs = w.t.logs.join('\n');
    expect(logs).not.toContain('ce n’est pas le bon mot de passe');
    expect(logs).not.toContain('parapluie mandarine');
  });

  it('refuses a revoked signature and an unknown declaration', async () => {
    w = await startSendingWorld(dialect, { count: 1 });
    const unknown = await w.send(['00000000-0000-4000-8000-000000000000']);
    expect(unknown.statusCode).toBe(404);
    const revoked = await w.t.call('POST', `/api/signatures/${w.signatureId}/revocation`, {
      cookie: w.cookie,
      body: { reason: 'superseded' },
    });
    expect(revoked.statusCode).toBe(200);
    const refused = await w.send();
    expect(refused.json().code).toBe('SIGNATURE_REVOKED');
    expect(await transmissionRows()).toHaveLength(0);
  });
});
