import { afterEach, describe, expect, it } from 'vitest';
import { createOpensslFolder } from '@passerelle/pki/testing';
import { testDialects } from '@passerelle/server-kit/testing';
import {
  SIGNATURE_PASSWORD,
  startSignatureWorld,
  type SignatureWorld,
} from '../testing/signature-world';

const NEW_PASSWORD = 'hirondelle caramel tonnerre prairie';
const FILE_PASSWORD = 'écureuil lanterne boussole marée';

describe.each(await testDialects())('a signature’s life (%s)', (dialect) => {
  let w: SignatureWorld;
  afterEach(async () => {
    await w.close();
  });

  const exportP12 = (id: string, currentPassword: string) =>
    w.t.call('POST', `/api/signatures/${id}/export`, {
      cookie: w.cookie,
      body: { currentPassword, password: FILE_PASSWORD, passwordConfirmation: FILE_PASSWORD },
    });

  it('exports a PKCS#12 that openssl opens with the chosen password (PBES2, 600,000, SHA-256 MAC)', async () => {
    w = await startSignatureWorld(dialect);
    const signature = await w.createSignature();
    const wrong = await exportP12(signature.id, 'pas le bon mot de passe');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'WRONG_SIGNATURE_PASSWORD',
      field: 'currentPassword',
    });
    expect(wrong.json().message).toContain('encore 9 essais');

    const exported = await exportP12(signature.id, SIGNATURE_PASSWORD);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/x-pkcs12');
    expect(exported.headers['content-disposition']).toBe(
      `attachment; filename="signature-${signature.serial}.p12"`,
    );
    const ssl = createOpensslFolder();
    try {
      ssl.write('sig.p12', exported.rawPayload);
      const info = ssl.ok([
        'pkcs12',
        '-info',
        '-noout',
        '-in',
        'sig.p12',
        '-passin',
        `pass:${FILE_PASSWORD}`,
      ]);
      expect(info).toContain('MAC: sha256, Iteration 600000');
      expect(info).toMatch(
        /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/,
      );
      ssl.ok([
        'pkcs12',
        '-in',
        'sig.p12',
        '-nodes',
        '-passin',
        `pass:${FILE_PASSWORD}`,
        '-out',
        'all.pem',
      ]);
      const keyPub = ssl.ok(['pkey', '-in', 'all.pem', '-pubout']);
      const certPub = ssl.ok(['x509', '-in', 'all.pem', '-noout', '-pubkey']);
      expect(keyPub).toBe(certPub);
      expect(
        ssl.run(['pkcs12', '-info', '-noout', '-in', 'sig.p12', '-passin', 'pass:autre']).status,
      ).not.toBe(0);
    } finally {
      ssl.remove();
    }
    const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    expect(audit.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'signature.exported',
      'signature.wrong_password',
    ]);
  });

  it('changes the password: the current one is needed, then only the new one opens the key', async () => {
    w = await startSignatureWorld(dialect);
    const signature = await w.createSignature();
    const change = (currentPassword: string) =>
      w.t.call('POST', `/api/signatures/${signature.id}/password`, {
        cookie: w.cookie,
        body: { currentPassword, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD },
      });
    const wrong = await change('pas le bon mot de passe');
    expect(wrong.json()).toMatchObject({
      code: 'WRONG_SIGNATURE_PASSWORD',
      field: 'currentPassword',
    });
    const weak = await w.t.call('POST', `/api/signatures/${signature.id}/password`, {
      cookie: w.cookie,
      body: {
        currentPassword: SIGNATURE_PASSWORD,
        password: 'Azerty123456!',
        passwordConfirmation: 'Azerty123456!',
      },
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const before = await w.t.ctx.db
      .selectFrom('signatures')
      .select('wrapped_key')
      .executeTakeFirstOrThrow();
    expect((await change(SIGNATURE_PASSWORD)).statusCode).toBe(204);
    const after = await w.t.ctx.db
      .selectFrom('signatures')
      .select('wrapped_key')
      .executeTakeFirstOrThrow();
    expect(after.wrapped_key).not.toBe(before.wrapped_key);
    expect((await exportP12(signature.id, SIGNATURE_PASSWORD)).json().code).toBe(
      'WRONG_SIGNATURE_PASSWORD',
    );
    expect((await exportP12(signature.id, NEW_PASSWORD)).statusCode).toBe(200);
    const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain(
      'signature.password_changed',
    );
  });

  it('locks after the configured number of wrong passwords, tells the holder, and unlocks after the delay', async () => {
    w = await startSignatureWorld(dialect, {
      SIGNATURE_MAX_FAILURES: '3',
      SIGNATURE_LOCK_MINUTES: '15',
    });
    const signature = await w.createSignature();
    for (let i = 0; i < 2; i += 1) {
      expect((await exportP12(signature.id, 'mauvais mot de passe')).json().code).toBe(
        'WRONG_SIGNATURE_PASSWORD',
      );
    }
    const third = await exportP12(signature.id, 'mauvais mot de passe');
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('SIGNATURE_LOCKED');
    expect(third.json().message).toMatch(/bloquée jusqu’à \d\d:\d\d/);
    // Locked: even the right password is refused, without being tried.
    const right = await exportP12(signature.id, SIGNATURE_PASSWORD);
    expect(right.json().code).toBe('SIGNATURE_LOCKED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(800);
    const list = (await w.t.call('GET', '/api/me/signatures', { cookie: w.cookie })).json();
    expect(list.items[0]).toMatchObject({ status: 'locked', isDefault: true });
    expect(list.items[0].lockedUntil).not.toBeNull();
    const mail = await w.partner.inbox.waitForMail((m) => m.to.includes('bruno@cabinet-test.fr'));
    expect(mail.subject).toBe('Votre signature est bloquée temporairement — Passerelle');
    expect(mail.text).toContain(signature.serial);
    const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    expect(audit.items[0]).toMatchObject({ action: 'signature.locked', details: { failures: 3 } });

    w.t.clock.advance(15 * 60_000 + 1000);
    expect((await exportP12(signature.id, SIGNATURE_PASSWORD)).statusCode).toBe(200);
    const again = (await w.t.call('GET', '/api/me/signatures', { cookie: w.cookie })).json();
    expect(again.items[0].status).toBe('valid');
  });

  it('revokes through the partner (CRL) after confirmation; others cannot; the administrator can', async () => {
    w = await startSignatureWorld(dialect);
    const first = await w.createSignature();
    const second = await w.createSignature({ validityMonths: 24 });
    // Another collaborator of the firm may not revoke Bruno's signature.
    await w.t.createUser(w.adminCookie, { email: 'chloe@cabinet-test.fr' });
    const chloe = await w.t.signIn('chloe@cabinet-test.fr');
    const forbidden = await w.t.call('POST', `/api/signatures/${first.id}/revocation`, {
      cookie: chloe,
      body: {},
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    const unknown = await w.t.call(
      'POST',
      '/api/signatures/00000000-0000-4000-8000-000000000000/revocation',
      { cookie: w.cookie, body: {} },
    );
    expect(unknown.statusCode).toBe(404);
    const garbage = await w.t.call('POST', '/api/signatures/pas-un-id/revocation', {
      cookie: w.cookie,
      body: {},
    });
    expect(garbage.statusCode).toBe(400);

    const revoked = await w.t.call('POST', `/api/signatures/${first.id}/revocation`, {
      cookie: w.cookie,
      body: {},
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().signature).toMatchObject({ status: 'revoked', isDefault: false });
    const atPartner = await w.partner.ctx.db
      .selectFrom('signatures')
      .selectAll()
      .where('serial', '=', first.serial)
      .executeTakeFirstOrThrow();
    expect(atPartner.revoked_at).not.toBeNull();
    const crl = await w.partner.call('GET', '/api/v1/crl');
    const ssl = createOpensslFolder();
    try {
      ssl.write('crl.der', crl.rawPayload);
      expect(
        ssl.ok(['crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-text']).toLowerCase(),
      ).toContain(first.serial.replace(/^0+/, '').toLowerCase());
    } finally {
      ssl.remove();
    }
    const twice = await w.t.call('POST', `/api/signatures/${first.id}/revocation`, {
      cookie: w.cookie,
      body: {},
    });
    expect(twice.json().code).toBe('ALREADY_REVOKED');
    expect((await exportP12(first.id, SIGNATURE_PASSWORD)).json().code).toBe('SIGNATURE_REVOKED');

    // The administrator (connected to the firm's client space too) revokes Bruno's other one.
    await w.t.call('POST', '/api/me/client-space', {
      cookie: w.adminCookie,
      body: {
        email: 'alice.durand@cabinet-exemple.fr',
        password: 'cheval agrafe batterie correcte',
      },
    });
    const byAdmin = await w.t.call('POST', `/api/signatures/${second.id}/revocation`, {
      cookie: w.adminCookie,
      body: {},
    });
    expect(byAdmin.statusCode).toBe(200);
    const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    expect(audit.items[0]).toMatchObject({
      action: 'signature.revoked',
      target: { email: 'bruno@cabinet-test.fr' },
      actor: { email: 'alice.durand@cabinet-test.fr' },
    });
  });

  it('shows the administrator every signature of the firm, without secrets; not to collaborators', async () => {
    w = await startSignatureWorld(dialect);
    const signature = await w.createSignature();
    const all = await w.t.call('GET', '/api/signatures', { cookie: w.adminCookie });
    expect(all.statusCode).toBe(200);
    expect(all.json().items).toHaveLength(1);
    expect(all.json().items[0]).toMatchObject({
      id: signature.id,
      holder: { email: 'bruno@cabinet-test.fr' },
    });
    expect(all.body).not.toContain('pkw1');
    expect(all.body).not.toContain('BEGIN');
    expect((await w.t.call('GET', '/api/signatures', { cookie: w.cookie })).statusCode).toBe(403);
  });

  it('pages signatures newest first; the default is marked even on a later page', async () => {
    w = await startSignatureWorld(dialect);
    const older = await w.createSignature();
    w.t.clock.advance(60_000);
    const newer = await w.createSignature({ validityMonths: 24 });
    const revoked = await w.t.call('POST', `/api/signatures/${newer.id}/revocation`, {
      cookie: w.cookie,
      body: {},
    });
    expect(revoked.statusCode).toBe(200);
    const page = async (path: string) => (await w.t.call('GET', path, { cookie: w.cookie })).json();
    const first = await page('/api/me/signatures?limit=1');
    expect(first).toMatchObject({ total: 2, items: [{ id: newer.id, isDefault: false }] });
    const second = await page(`/api/me/signatures?limit=1&cursor=${first.nextCursor}`);
    // The holder's newest usable signature is the older one: the default, though alone here.
    expect(second).toMatchObject({
      total: null,
      nextCursor: null,
      items: [{ id: older.id, status: 'valid', isDefault: true }],
    });
    const firm = (
      await w.t.call('GET', '/api/signatures?limit=1', { cookie: w.adminCookie })
    ).json();
    expect(firm).toMatchObject({ total: 2, items: [{ id: newer.id }] });
  });
});
