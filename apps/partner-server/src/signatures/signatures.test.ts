import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairAndCsr } from '@passerelle/pki';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

const HOLDER = { firstName: 'Bruno', lastName: 'Martin', email: 'bruno.martin@cabinet-exemple.fr' };

/** Runs the openssl CLI; returns what it printed on both streams. */
function openssl(args: string[], dir: string): string {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return `${run.status === 0 ? '' : 'FAILED '}${run.stdout}${run.stderr}`;
}

describe.each(await testDialects())('partner signatures and CA (%s)', (dialect) => {
  let t: TestPartner;
  let dir: string;
  afterEach(async () => {
    await t.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function setup() {
    t = await startTestPartner(dialect);
    dir = mkdtempSync(join(tmpdir(), 'passerelle-partner-'));
    const { code } = await t.createVerifiedAccount();
    const { accessToken } = await t.signIn();
    return { code, token: accessToken };
  }

  it('offers its validity choices and key types', async () => {
    t = await startTestPartner(dialect, { SIGNATURE_VALIDITY_MONTHS: '36,12,24' });
    const policy = await t.call('GET', '/api/v1/signature-policy');
    expect(policy.json().validityMonths).toEqual([12, 24, 36]);
    expect(policy.json().keyTypes).toContain('ECDSA-P256');
  });

  it('issues a certificate openssl verifies, tells the administrator, and revokes it into the CRL', async () => {
    const { code, token } = await setup();
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    t.inbox.clear();
    const issued = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { csrPem, confidentialCode: code.toLowerCase(), validityMonths: 24, holder: HOLDER },
    });
    expect(issued.statusCode).toBe(201);
    const { signature, certificatePem, chainPem } = issued.json();
    expect(signature).toMatchObject({ holder: HOLDER, status: 'valid' });
    expect(signature.serial).toMatch(/^[0-9a-f]{16,40}$/);
    const months =
      (Date.parse(signature.notAfter) - Date.parse(signature.notBefore)) / (30.44 * 86_400_000);
    expect(Math.round(months)).toBe(24);
    const notice = await t.inbox.waitForMail((m) => /Nouvelle signature/.test(m.subject));
    expect(notice.to).toContain('alice.durand@cabinet-exemple.fr');
    expect(notice.text).toContain(signature.serial);

    const caPem = (await t.call('GET', '/api/v1/ca')).body;
    expect(chainPem).toEqual([caPem]);
    writeFileSync(join(dir, 'ca.pem'), caPem);
    writeFileSync(join(dir, 'cert.pem'), certificatePem);
    expect(
      openssl(['verify', '-CAfile', 'ca.pem', '-purpose', 'smimesign', 'cert.pem'], dir),
    ).toContain('cert.pem: OK');

    const revoked = await t.call('POST', `/api/v1/signatures/${signature.serial}/revocation`, {
      token,
      body: { reason: 'keyCompromise' },
    });
    expect(revoked.json().signature.status).toBe('revoked');
    const again = await t.call('POST', `/api/v1/signatures/${signature.serial}/revocation`, {
      token,
      body: {},
    });
    expect(again.json().code).toBe('ALREADY_REVOKED');
    const crl = await t.call('GET', '/api/v1/crl');
    expect(crl.headers['content-type']).toContain('application/pkix-crl');
    writeFileSync(join(dir, 'crl.der'), crl.rawPayload);
    openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-out', 'crl.pem'], dir);
    expect(openssl(['crl', '-in', 'crl.pem', '-CAfile', 'ca.pem', '-noout'], dir)).toContain(
      'verify OK',
    );
    expect(
      openssl(
        ['verify', '-crl_check', '-CAfile', 'ca.pem', '-CRLfile', 'crl.pem', 'cert.pem'],
        dir,
      ),
    ).toContain('certificate revoked');
    expect(readFileSync(join(dir, 'crl.pem'), 'utf8')).toContain('BEGIN X509 CRL');
    const list = await t.call('GET', '/api/v1/signatures', { token });
    expect(list.json().items.map((s: { status: string }) => s.status)).toEqual(['revoked']);
  });

  it('refuses a validity outside the policy, a broken CSR and a weak key, storing nothing', async () => {
    const { code, token } = await setup();
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const body = { csrPem, confidentialCode: code, validityMonths: 24, holder: HOLDER };
    const validity = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { ...body, validityMonths: 60 },
    });
    expect(validity.json()).toMatchObject({
      code: 'VALIDITY_NOT_ALLOWED',
      field: 'validityMonths',
    });
    // Flip one bit inside the signature at the end of the DER: the self-signature no longer verifies.
    const der = Buffer.from(csrPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 10] = der[der.length - 10]! ^ 0x01;
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    const broken = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { ...body, csrPem: tampered },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'CSR_INVALID', field: 'csrPem' });
    openssl(
      [
        'req',
        '-new',
        '-newkey',
        'rsa:1024',
        '-nodes',
        '-keyout',
        'weak.key',
        '-subj',
        '/CN=x',
        '-out',
        'weak.csr',
      ],
      dir,
    );
    const weak = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { ...body, csrPem: readFileSync(join(dir, 'weak.csr'), 'utf8') },
    });
    expect(weak.json()).toMatchObject({ code: 'KEY_REJECTED', field: 'csrPem' });
    const garbage = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { ...body, csrPem: 'pas un CSR' },
    });
    expect(garbage.json().code).toBe('CSR_INVALID');
    expect(await t.ctx.db.selectFrom('signatures').selectAll().execute()).toHaveLength(0);
  });

  it('counts wrong codes: 429 with Retry-After after 5, the administrator told; an old code is wrong', async () => {
    const { code, token } = await setup();
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const body = { csrPem, validityMonths: 12, holder: HOLDER };
    await t.call('POST', '/api/v1/accounts/current/confidential-code', { token });
    const old = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { ...body, confidentialCode: code },
    });
    expect(old.json()).toMatchObject({
      code: 'CONFIDENTIAL_CODE_INVALID',
      field: 'confidentialCode',
    });
    t.inbox.clear();
    for (let i = 0; i < 4; i += 1) {
      const r = await t.call('POST', '/api/v1/signatures', {
        token,
        body: { ...body, confidentialCode: 'AAAA-AAAA-AAAA-AAAA-AAAA' },
      });
      expect(r.statusCode).toBe(403);
    }
    const limited = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { ...body, confidentialCode: code },
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const warning = await t.inbox.waitForMail((m) => /erronés/.test(m.subject));
    expect(warning.text).toContain('15 minutes');
  });

  it('does not let an account revoke another account’s signature', async () => {
    const { code, token } = await setup();
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const issued = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { csrPem, confidentialCode: code, validityMonths: 12, holder: HOLDER },
    });
    const serial = issued.json().signature.serial as string;
    await t.createVerifiedAccount({
      adminEmail: 'autre@cabinet-voisin.fr',
      firmName: 'Cabinet Voisin',
    });
    const other = await t.signIn('autre@cabinet-voisin.fr');
    const refused = await t.call('POST', `/api/v1/signatures/${serial}/revocation`, {
      token: other.accessToken,
      body: {},
    });
    expect(refused.statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/signatures', { token })).json().items[0].status).toBe(
      'valid',
    );
  });
});
