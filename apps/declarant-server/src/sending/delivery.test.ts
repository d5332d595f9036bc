import { afterEach, describe, expect, it } from 'vitest';
import { createCmsSigner, verifyCms } from '@passerelle/pki';
import { testDialects } from '@passerelle/server-kit/testing';
import { HttpPartnerApi } from '../partner/partner-api';
import { unlockSignature } from '../signatures/signature-unlock.service';
import { PORTAL, SIGNATURE_PASSWORD } from '../testing/signature-world';
import { startSendingWorld, type SendingWorld } from '../testing/sending-world';
import { deliverDue } from './delivery-worker';
import { checkReceipt, certificatesOf, ReceiptError } from './receipt';
import { syncStatuses } from './status-sync';

describe.each(await testDialects())('delivery, receipts and DGFiP returns (%s)', (dialect) => {
  let w: SendingWorld;
  afterEach(async () => {
    await w.close();
  });

  const transmissions = async (declarationId: string) =>
    (
      await w.t.call('GET', `/api/declarations/${declarationId}/transmissions`, {
        cookie: w.cookie,
      })
    ).json().items;
  const partnerDeposits = () =>
    w.partner.ctx.db.selectFrom('deposits').select(['idempotency_key']).execute();
  const rows = () => w.t.ctx.db.selectFrom('transmissions').selectAll().execute();

  it('delivers, checks the signed receipt, and follows the DGFiP to "Acceptée"', async () => {
    w = await startSendingWorld(dialect, { count: 3 });
    const sent = (await w.send()).json();
    expect(await deliverDue(w.t.ctx)).toBe(3);
    for (const row of await rows()) {
      expect(row.status).toBe('transmitted');
      expect(row.receipt).not.toBeNull();
      expect(row.deposit_id).not.toBeNull();
    }
    expect((await partnerDeposits()).map((d) => d.idempotency_key).sort()).toEqual(
      [...sent.transmissionIds].sort(),
    );
    const progress = (
      await w.t.call('GET', `/api/sendings/${sent.sending.id}`, { cookie: w.cookie })
    ).json().sending;
    expect(progress).toMatchObject({ total: 3, queued: 0, transmitted: 3, done: false });

    // Nothing more happens until the DGFiP answers; then the poll records each step.
    expect(await syncStatuses(w.t.ctx)).toBe(0);
    await w.runEverything();
    const [latest] = await transmissions(w.declarationIds[0]!);
    expect(latest.status).toBe('accepted');
    expect(latest.history.map((e: { status: string }) => e.status)).toEqual([
      'queued',
      'transmitted',
      'deposited',
      'accepted',
    ]);
    expect(latest.receipt).toMatchObject({ depositId: expect.any(String) });
    expect(latest.hasCr).toBe(true);
    const declaration = (
      await w.t.call('GET', `/api/declarations/${w.declarationIds[0]}`, { cookie: w.cookie })
    ).json().declaration;
    expect(declaration.status).toBe('accepted');
    const done = (
      await w.t.call('GET', `/api/sendings/${sent.sending.id}`, { cookie: w.cookie })
    ).json().sending;
    expect(done).toMatchObject({ finished: 3, accepted: 3, done: true });

    // The files: the exact bytes sent, the receipt, the CR (EDIFACT text); no CONTRL.
    const file = (name: string) =>
      w.t.call('GET', `/api/transmissions/${latest.id}/files/${name}`, { cookie: w.cookie });
    const signed = await file('signed');
    expect(signed.headers['content-disposition']).toMatch(/attachment; filename=".+\.p7m"/);
    const stored = (await rows()).find((r) => r.id === latest.id)!;
    expect(Buffer.from(signed.rawPayload).equals(Buffer.from(stored.signed_bytes))).toBe(true);
    expect((await file('receipt')).statusCode).toBe(200);
    expect((await file('cr')).body).toMatch(/^UNA|^UNB/);
    expect((await file('contrl')).statusCode).toBe(404);

    // The sender is told by email (once, even if the poll replays the same changes).
    await w.partner.inbox.waitForMail((m) => /Déclaration acceptée/.test(m.subject));
    w.advance(120_000);
    await w.t.ctx.db.deleteFrom('partner_poll_cursors').execute();
    expect(await syncStatuses(w.t.ctx)).toBe(0);
    const mails = w.partner.inbox.messages().filter((m) => /Déclaration acceptée/.test(m.subject));
    expect(mails).toHaveLength(3);
  });

  it('a SIREN the DGFiP does not know: "Rejetée" with the readable CR line, and an email', async () => {
    w = await startSendingWorld(dialect, { sirens: ['999999998'] });
    await w.send();
    await w.runEverything();
    const [rejected] = await transmissions(w.declarationIds[0]!);
    expect(rejected.status).toBe('rejected');
    expect(rejected.errors).toEqual([
      expect.objectContaining({
        severity: 'rejet',
        form: 'F-IDENTIF',
        label: 'SIREN',
        message: expect.stringMatching(/^SIREN 999 999 998 inconnu du répertoire/),
      }),
    ]);
    expect(rejected.history.at(-1)).toMatchObject({
      status: 'rejected',
      detail: 'Compte rendu : 1 rejet, 0 alerte.',
    });
    const cr = await w.t.call('GET', `/api/transmissions/${rejected.id}/files/cr`, {
      cookie: w.cookie,
    });
    expect(cr.body).toContain('RJT');
    const mail = await w.partner.inbox.waitForMail((m) => /Déclaration rejetée/.test(m.subject));
    expect(mail.text).toContain('1 rejet(s)');
  });

  it('no result email for a sender who switched them off', async () => {
    w = await startSendingWorld(dialect, { count: 1 });
    const settings = () => w.t.call('GET', '/api/me/notifications', { cookie: w.cookie });
    expect((await settings()).json()).toEqual({ sendingResults: true });
    const bad = await w.t.call('PUT', '/api/me/notifications', {
      cookie: w.cookie,
      body: { sendingResults: 'oui' },
    });
    expect(bad.statusCode).toBe(400);
    const off = await w.t.call('PUT', '/api/me/notifications', {
      cookie: w.cookie,
      body: { sendingResults: false },
    });
    expect(off.json()).toEqual({ sendingResults: false });
    expect((await settings()).json()).toEqual({ sendingResults: false });
    await w.send();
    await w.runEverything();
    expect((await transmissions(w.declarationIds[0]!))[0].status).toBe('accepted');
    const claimed = await w.t.ctx.db
      .selectFrom('transmissions')
      .select('result_notified_at')
      .executeTakeFirstOrThrow();
    expect(claimed.result_notified_at).not.toBeNull(); // decided once, and nothing was sent
    expect(w.partner.inbox.messages().filter((m) => /Déclaration/.test(m.subject))).toEqual([]);
  });

  it('the sender disconnected: another connected person of the firm brings the answer back', async () => {
    w = await startSendingWorld(dialect, { count: 1 });
    await w.send();
    expect(await deliverDue(w.t.ctx)).toBe(1);
    await w.t.call('DELETE', '/api/me/client-space', { cookie: w.cookie });
    w.advance(2000);
    await w.partner.runDgfip();
    w.advance(2000);
    await w.partner.runDgfip();
    expect(await syncStatuses(w.t.ctx)).toBe(0); // nobody connected can look
    expect((await transmissions(w.declarationIds[0]!))[0].status).toBe('transmitted');
    const connected = await w.t.call('POST', '/api/me/client-space', {
      cookie: w.adminCookie,
      body: PORTAL,
    });
    expect(connected.statusCode).toBe(200);
    expect(await syncStatuses(w.t.ctx)).toBe(1);
    expect((await transmissions(w.declarationIds[0]!))[0].status).toBe('accepted');
  });

  it('resends the same bytes under the same id after a lost answer: one deposit, one receipt', async () => {
    w = await startSendingWorld(dialect, { count: 1 });
    const [transmissionId] = (await w.send()).json().transmissionIds;
    const row = (await rows())[0]!;
    // The partner got the deposit but our process died before recording the receipt.
    const { accessToken } = await w.partner.signIn();
    const first = await w.t.ctx.partner.api.deposit(accessToken, transmissionId, row.signed_bytes);
    expect(await deliverDue(w.t.ctx)).toBe(1);
    const after = (await rows())[0]!;
    expect(after.status).toBe('transmitted');
    expect(after.deposit_id).toBe(first.deposit.id);
    expect(Buffer.from(after.receipt!).toString('base64')).toBe(first.receipt);
    expect(await partnerDeposits()).toHaveLength(1);
  });

  it('retries with backoff while the partner is down, then "Échec d’envoi", then "Relancer"', async () => {
    w = await startSendingWorld(dialect, {
      count: 1,
      env: { DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_BACKOFF_BASE_MS: '10000' },
    });
    await w.send();
    const partner = w.t.ctx.partner;
    w.t.ctx.partner = partner.with({ api: new HttpPartnerApi('http://127.0.0.1:9', 500) });
    expect(await deliverDue(w.t.ctx)).toBe(1);
    let row = (await rows())[0]!;
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.last_error).toMatch(/ne répond pas/);
    const wait = Date.parse(row.next_attempt_at!) - w.t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(5000);
    expect(wait).toBeLessThanOrEqual(10_000);
    expect(await deliverDue(w.t.ctx)).toBe(0); // not due yet
    w.advance(10_000);
    expect(await deliverDue(w.t.ctx)).toBe(1);
    w.advance(20_000);
    expect(await deliverDue(w.t.ctx)).toBe(1);
    row = (await rows())[0]!;
    expect(row).toMatchObject({ status: 'delivery_failed', attempts: 3 });
    const [failed] = await transmissions(w.declarationIds[0]!);
    expect(failed.history.at(-1)).toMatchObject({ status: 'delivery_failed' });
    // Each failed attempt is in the history, with when the next one comes.
    const attempts = failed.history.filter((e: { detail: string | null }) =>
      /^Essai \d échoué\u00a0: Le partenaire EDI ne répond pas/.test(e.detail ?? ''),
    );
    expect(attempts).toHaveLength(2);
    expect(attempts[0].detail).toMatch(/Nouvel essai à \d\d:\d\d:\d\d\.$/);
    expect(failed.lastError).toMatch(/ne répond pas/);
    w.advance(3_600_000);
    expect(await deliverDue(w.t.ctx)).toBe(0); // given up: only "Relancer" starts again

    w.t.ctx.partner = partner;
    await w.signInAgain(); // an hour later: the session ended
    const retried = await w.t.call('POST', `/api/transmissions/${row.id}/retry`, {
      cookie: w.cookie,
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().transmission.status).toBe('queued');
    const twice = await w.t.call('POST', `/api/transmissions/${row.id}/retry`, {
      cookie: w.cookie,
    });
    expect(twice.json().code).toBe('TRANSMISSION_NOT_RETRYABLE');
    expect(await deliverDue(w.t.ctx)).toBe(1);
    expect((await rows())[0]!.status).toBe('transmitted');
    expect(await partnerDeposits()).toHaveLength(1);
    const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('transmission.failed');
    expect(actions).toContain('transmission.retried');
  });

  it('a certificate revoked before delivery: refused by the partner, and the declaration can be sent again', async () => {
    w = await startSendingWorld(dialect, { count: 1 });
    await w.send();
    const revoked = await w.t.call('POST', `/api/signatures/${w.signatureId}/revocation`, {
      cookie: w.cookie,
      body: { reason: 'keyCompromise' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(await deliverDue(w.t.ctx)).toBe(1);
    const row = (await rows())[0]!;
    expect(row.status).toBe('partner_refused');
    expect(row.last_error).toMatch(/^Contrôle de sécurisation/);
    expect(await partnerDeposits()).toHaveLength(0);
    const declaration = (
      await w.t.call('GET', `/api/declarations/${w.declarationIds[0]}`, { cookie: w.cookie })
    ).json().declaration;
    expect(declaration.status).toBe('partner_refused');
    const second = await w.createSignature();
    const again = await w.t.call('POST', '/api/sendings', {
      cookie: w.cookie,
      body: {
        declarationIds: w.declarationIds,
        signatureId: second.id,
        password: 'parapluie mandarine escalier volcan',
      },
    });
    expect(again.statusCode).toBe(202);
  });

  it('refuses receipts that do not prove this deposit', async () => {
    w = await startSendingWorld(dialect, { count: 2 });
    const [a, b] = (await w.send()).json().transmissionIds as string[];
    const [rowA, rowB] = [...(await rows())].sort((x, y) => (x.id === a ? -1 : y.id === a ? 1 : 0));
    const { accessToken } = await w.partner.signIn();
    const acceptedA = await w.t.ctx.partner.api.deposit(accessToken, a!, rowA!.signed_bytes);
    const { chain_pem } = await w.t.ctx.db
      .selectFrom('signatures')
      .select('chain_pem')
      .executeTakeFirstOrThrow();
    const trustedCaPem = certificatesOf(chain_pem);
    const expected = { transmissionId: a!, bodySha256: rowA!.body_sha256, trustedCaPem };
    await expect(checkReceipt(acceptedA, expected)).resolves.toMatchObject({
      receipt: { transmissionId: a },
    });
    // A's receipt replayed for B.
    await expect(
      checkReceipt(acceptedA, { ...expected, transmissionId: b!, bodySha256: rowB!.body_sha256 }),
    ).rejects.toThrow(ReceiptError);
    // A digest that is not of what we sent.
    await expect(
      checkReceipt(acceptedA, { ...expected, bodySha256: rowB!.body_sha256 }),
    ).rejects.toThrow(/empreinte/);
    // One flipped byte in the receipt.
    const der = Buffer.from(acceptedA.receipt, 'base64');
    der[der.length - 10]! ^= 0x01;
    await expect(
      checkReceipt({ ...acceptedA, receipt: der.toString('base64') }, expected),
    ).rejects.toThrow(ReceiptError);
    // Another CA.
    await expect(checkReceipt(acceptedA, { ...expected, trustedCaPem: [] })).rejects.toThrow(
      ReceiptError,
    );
    // The very same receipt content signed by a person's certificate from the partner's CA (our
    // own signature here): it lists emailProtection like the receipt certificate, but not the
    // receipt usage, so it can never vouch for a deposit.
    const { content } = await verifyCms(Buffer.from(acceptedA.receipt, 'base64'), {
      trustedCaPem,
    });
    const { row: own, privateKeyPkcs8 } = await unlockSignature(w.t.ctx, {
      userId: w.userId,
      signatureId: w.signatureId,
      password: SIGNATURE_PASSWORD,
      field: 'password',
    });
    const personal = await createCmsSigner({
      privateKeyPkcs8,
      certificatePem: own.certificate_pem,
    });
    const forged = await personal.sign(content, w.t.clock.now());
    await expect(verifyCms(forged, { trustedCaPem })).resolves.toBeDefined();
    await expect(
      checkReceipt({ ...acceptedA, receipt: forged.toString('base64') }, expected),
    ).rejects.toThrow(ReceiptError);
  });
});
