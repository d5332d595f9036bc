import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DEPOSIT_BYTES } from '@passerelle/contracts';
import { verifyCms } from '@passerelle/pki';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import {
  createDepositAccount,
  foreignCaSigner,
  infentInterchange,
  issueTestSigner,
  postDeposit,
} from '../testing/deposits';

const DAY = 86_400_000;
const READABILITY = /^Contrôle de lisibilité\u00a0: /;
const SEALING = /^Contrôle de sécurisation\u00a0: /;

describe.each(await testDialects())('deposit refusals, checks 1–2 in order (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  /** Posts and expects a refusal; returns its body. */
  async function refused(token: string, body: Uint8Array, status: number, code: string) {
    const response = await postDeposit(t, token, body);
    expect(response.json(), response.body).toMatchObject({ code });
    expect(response.statusCode).toBe(status);
    return response.json<{ code: string; message: string }>();
  }

  async function storedCount() {
    return (await t.ctx.db.selectFrom('deposits').select('id').execute()).length;
  }

  async function refusalCounts() {
    const rows = await t.ctx.db.selectFrom('deposit_refusals').selectAll().execute();
    return Object.fromEntries(rows.map((r) => [r.code, Number(r.count)]));
  }

  it('refuses unreadable bodies at level 1: truncated, not DER, empty', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const body = await signer.sign(infentInterchange());
    const truncated = await refused(
      token,
      body.subarray(0, body.length - 40),
      422,
      'DEPOSIT_UNREADABLE',
    );
    expect(truncated.message).toMatch(READABILITY);
    const text = await refused(
      token,
      Buffer.from("UNA:+,? 'UNB+UNOL:3+…'"),
      422,
      'DEPOSIT_UNREADABLE',
    );
    expect(text.message).toMatch(READABILITY);
    const empty = await refused(token, Buffer.alloc(0), 422, 'DEPOSIT_UNREADABLE');
    expect(empty.message).toBe('Contrôle de lisibilité : le dépôt est vide.');
    expect(await storedCount()).toBe(0);
    expect(await refusalCounts()).toEqual({ DEPOSIT_UNREADABLE: 3 });
  });

  it('refuses a body whose one byte was changed, in the content or in the signature', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const content = infentInterchange();
    const body = await signer.sign(content);
    const inContent = Buffer.from(body);
    const at = inContent.indexOf(Buffer.from('PASSERELLE'));
    expect(at).toBeGreaterThan(0);
    inContent[at] = 'Q'.charCodeAt(0);
    const seal = await refused(token, inContent, 422, 'DEPOSIT_SEAL_INVALID');
    expect(seal.message).toMatch(SEALING);
    // The last bytes are the ECDSA signature's s value.
    const inSignature = Buffer.from(body);
    inSignature[inSignature.length - 3] = inSignature[inSignature.length - 3]! ^ 0x01;
    await refused(token, inSignature, 422, 'DEPOSIT_SEAL_INVALID');
    expect(await storedCount()).toBe(0);
  });

  it('refuses a deposit whose digestAlgorithms identifier was corrupted, at sealing (issue #12)', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const body = await signer.sign(infentInterchange());
    // SignedData's digestAlgorithms: SET { SEQUENCE { id-sha256 } }, right after its version.
    const set = Buffer.from('310d300b0609608648016503040201', 'hex');
    const at = body.indexOf(set);
    expect(at).toBeGreaterThan(0);
    // One octet of the arcs changed, 840 → 841: an OID openssl does not know ("unknown digest
    // algorithm"); the last octet 01 → 04: SHA-224, which the SignerInfo does not use
    // ("no matching digest"). Both were answered 202 before.
    for (const [index, mask] of [
      [at + 8, 0x01],
      [at + set.length - 1, 0x05],
    ] as const) {
      const corrupted = Buffer.from(body);
      corrupted[index] = corrupted[index]! ^ mask;
      const refusal = await refused(token, corrupted, 422, 'DEPOSIT_SEAL_INVALID');
      expect(refusal.message).toMatch(SEALING);
    }
    expect(await storedCount()).toBe(0);
    expect(await refusalCounts()).toEqual({ DEPOSIT_SEAL_INVALID: 2 });
    // The same signer's intact deposit still goes through.
    expect((await postDeposit(t, token, body)).statusCode).toBe(202);
  });

  it('refuses certificates it did not issue: another CA, or its own receipt certificate', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const content = infentInterchange();
    // Another CA with this partner's very name, even reusing a serial this partner issued.
    const foreign = await foreignCaSigner(t, signer.serial);
    const other = await refused(
      token,
      await foreign.sign(content),
      422,
      'DEPOSIT_CERTIFICATE_UNKNOWN',
    );
    expect(other.message).toMatch(SEALING);
    // Its own receipt certificate chains to this CA and lists emailProtection (for openssl's
    // default check of receipts), so it passes the signature and usage check of people's
    // certificates: what refuses it is that it is not among the certificates issued to accounts.
    const byReceiptSigner = await t.ctx.receiptSigner.sign(content, t.clock.now());
    await expect(
      verifyCms(byReceiptSigner, {
        trustedCaPem: [t.ctx.ca.certificatePem],
        requiredExtendedKeyUsage: '1.3.6.1.5.5.7.3.4',
      }),
    ).resolves.toBeDefined();
    await refused(token, byReceiptSigner, 422, 'DEPOSIT_CERTIFICATE_UNKNOWN');
    expect(await storedCount()).toBe(0);
  });

  it('refuses a certificate expired at signing time, a future signing time and an old one', async () => {
    t = await startTestPartner(dialect);
    const { signer } = await createDepositAccount(t);
    const content = infentInterchange();
    // Access tokens live 10 minutes: a new session after each move of the clock.
    const token = async () => (await t.signIn()).accessToken;
    // 12-month certificate; 13 months later it signs "now".
    t.clock.advance(396 * DAY);
    const expired = await refused(
      await token(),
      await signer.sign(content),
      422,
      'DEPOSIT_CERTIFICATE_EXPIRED',
    );
    expect(expired.message).toMatch(SEALING);
    t.clock.advance(-396 * DAY);
    const future = new Date(t.clock.now().getTime() + 10 * 60_000);
    await refused(
      await token(),
      await signer.sign(content, future),
      422,
      'DEPOSIT_CERTIFICATE_EXPIRED',
    );
    // Within the certificate's validity, but signed 40 days before reception: backdated.
    t.clock.advance(40 * DAY);
    const old = await refused(
      await token(),
      await signer.sign(content, new Date(t.clock.now().getTime() - 40 * DAY)),
      422,
      'DEPOSIT_SEAL_INVALID',
    );
    expect(old.message).toContain('plus de 30 jours');
    // Two minutes of clock difference are tolerated.
    const skewed = await postDeposit(
      t,
      await token(),
      await signer.sign(content, new Date(t.clock.now().getTime() + 2 * 60_000)),
    );
    expect(skewed.statusCode).toBe(202);
  });

  it('refuses a revoked certificate and one issued to another account', async () => {
    t = await startTestPartner(dialect);
    const first = await createDepositAccount(t);
    const second = await createDepositAccount(t, {
      adminEmail: 'claire@cabinet-autre.fr',
      firmName: 'Cabinet Autre',
    });
    const content = infentInterchange();
    const foreign = await refused(
      first.token,
      await second.signer.sign(content),
      422,
      'DEPOSIT_CERTIFICATE_FOREIGN',
    );
    expect(foreign.message).toMatch(SEALING);
    const revoked = await issueTestSigner(t, first.token, first.code);
    const signedBefore = await revoked.sign(content);
    const revocation = await t.call('POST', `/api/v1/signatures/${revoked.serial}/revocation`, {
      token: first.token,
      body: { reason: 'keyCompromise' },
    });
    expect(revocation.statusCode).toBe(200);
    // Signed before the revocation, received after it: refused (not revoked *at reception*).
    await refused(first.token, signedBefore, 422, 'DEPOSIT_CERTIFICATE_REVOKED');
    expect(await storedCount()).toBe(0);
    expect(await refusalCounts()).toEqual({
      DEPOSIT_CERTIFICATE_FOREIGN: 1,
      DEPOSIT_CERTIFICATE_REVOKED: 1,
    });
  });

  it('refuses before reading the body: no token, no key, a malformed key, too large, not CMS', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const body = await signer.sign(infentInterchange());
    const anonymous = await postDeposit(t, 'jeton-inconnu', body);
    expect(anonymous.statusCode).toBe(401);
    const missing = await postDeposit(t, token, body, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_MISSING',
      message: 'En-tête Idempotency-Key obligatoire.',
    });
    const malformed = await postDeposit(t, token, body, 'a'.repeat(256));
    expect(malformed.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'Idempotency-Key',
    });
    const large = await postDeposit(t, token, Buffer.alloc(MAX_DEPOSIT_BYTES + 1), randomUUID());
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const json = await t.call('POST', '/api/v1/deposits', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { content: body.toString('base64') },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await storedCount()).toBe(0);
    expect(await refusalCounts()).toEqual({
      IDEMPOTENCY_KEY_MISSING: 1,
      PAYLOAD_TOO_LARGE: 1,
    });
    // A refusal's log line names the code, never the body.
    const logged = t.logs.join('');
    expect(logged).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(logged).not.toContain(body.toString('base64').slice(0, 40));
  });
});
