import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedCertificateAuthority } from './certificate-authority';
import { verifyCsr } from './csr';
import { issueCertificate, type IssueCertificateParams } from './issue-certificate';
import { generateKeyPairAndCsr, type GeneratedKeyType } from '../keys/key-pair';
import { createTestCa } from '../testing/cms-fixtures';
import { attime, createOpensslFolder, type OpensslFolder } from '../testing/openssl';

const NOW = new Date('2026-03-15T10:20:30.456Z');
const HOLDER = { firstName: 'Bruno', lastName: 'Martin', email: 'bruno.martin@cabinet-exemple.fr' };
const CRL_URL = 'https://partenaire.example/api/v1/crl';
let openssl: OpensslFolder;
let ca: LoadedCertificateAuthority;

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = (await createTestCa('CA Test', NOW)).loaded;
  openssl.write('ca.pem', ca.certificatePem);
});
afterAll(() => openssl.remove());

async function request(keyType: GeneratedKeyType): Promise<IssueCertificateParams> {
  const { publicKey } = await verifyCsr((await generateKeyPairAndCsr({ keyType })).csrPem);
  const params = { ca, csrPublicKey: publicKey, holder: HOLDER, crlUrl: CRL_URL, now: NOW };
  return { ...params, organization: 'Cabinet Exemple, Expertise', validityMonths: 24 };
}

describe('issueCertificate', () => {
  it.each<[GeneratedKeyType, string]>([
    ['ECDSA-P256', '3a5f0c1d2e4b6a7980ffeeddccbbaa99'],
    ['RSA-2048', '0badc0ffee'],
  ])(
    'issues a %s certificate that openssl verifies for S/MIME signing',
    async (keyType, serial) => {
      const issued = await issueCertificate({ ...(await request(keyType)), serialHex: serial });
      const file = openssl.write(`${keyType}.pem`, issued.certificatePem);
      const verify = ['verify', '-CAfile', 'ca.pem', '-purpose', 'smimesign', '-attime'];
      expect(openssl.ok([...verify, attime(NOW), file])).toContain(`${file}: OK`);

      const text = openssl.ok(['x509', '-in', file, '-noout', '-text', '-serial', '-enddate']);
      expect(text).toContain(`serial=${serial.toUpperCase()}`);
      expect(issued.serialHex).toBe(serial);
      expect(text).toContain(
        'Subject: CN = Bruno Martin, O = "Cabinet Exemple, Expertise", C = FR',
      );
      expect(text).toContain('Issuer: CN = CA Test, O = Partenaire EDI, C = FR');
      expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
      expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
      expect(text).toMatch(/Extended Key Usage:\s+E-mail Protection\n/);
      expect(text).toMatch(/Subject Alternative Name:\s+email:bruno.martin@cabinet-exemple.fr\n/);
      expect(text).toMatch(
        /CRL Distribution Points:\s+Full Name:\s+URI:https:\/\/partenaire.example\/api\/v1\/crl/,
      );
      expect(text).toContain('Subject Key Identifier');
      expect(text).toMatch(/Signature Algorithm: ecdsa-with-SHA256/);
      const aki = /Authority Key Identifier:\s+(?:keyid:)?([0-9A-F:]+)/.exec(text)?.[1];
      expect(aki?.replaceAll(':', '').toLowerCase()).toBe(ca.keyIdentifier);
      expect(text).toContain('Not Before: Mar 15 10:19:30 2026 GMT');
      expect(text).toContain('notAfter=Mar 15 10:19:30 2028 GMT');
      expect(issued.notBefore.toISOString()).toBe('2026-03-15T10:19:30.000Z');
      expect(issued.notAfter.toISOString()).toBe('2028-03-15T10:19:30.000Z');
    },
  );

  it('gives the certificate the CSR’s public key', async () => {
    const params = await request('ECDSA-P384');
    const issued = await issueCertificate(params);
    openssl.write('p384.pem', issued.certificatePem);
    const pub = openssl.ok(['x509', '-in', 'p384.pem', '-noout', '-pubkey']);
    expect(pub.trim()).toBe(params.csrPublicKey.toString('pem').trim());
  });

  it('counts validity in calendar months and clamps the day (31 Jan + 1 month)', async () => {
    const issued = await issueCertificate({
      ...(await request('ECDSA-P256')),
      now: new Date('2028-01-31T12:00:45Z'),
      validityMonths: 1,
    });
    expect(issued.notBefore.toISOString()).toBe('2028-01-31T11:59:45.000Z');
    expect(issued.notAfter.toISOString()).toBe('2028-02-29T11:59:45.000Z');
  });

  it('draws a distinct positive 128-bit serial when none is given', async () => {
    const params = await request('ECDSA-P256');
    const serials = new Set<string>();
    for (let i = 0; i < 20; i += 1) serials.add((await issueCertificate(params)).serialHex);
    expect(serials.size).toBe(20);
    for (const serial of serials)
      expect(serial).toMatch(/^[1-7][0-9a-f]{31}$|^0[1-9a-f][0-9a-f]{30}$/);
  });

  it('refuses a bad validity, a bad serial, or a certificate outliving the CA', async () => {
    const params = await request('ECDSA-P256');
    await expect(issueCertificate({ ...params, validityMonths: 0 })).rejects.toThrow(RangeError);
    await expect(issueCertificate({ ...params, validityMonths: 1.5 })).rejects.toThrow(RangeError);
    await expect(issueCertificate({ ...params, serialHex: '80ff' })).rejects.toThrow(RangeError);
    await expect(issueCertificate({ ...params, serialHex: '00' })).rejects.toThrow(RangeError);
    const late = new Date('2034-06-01T00:00:00Z');
    await expect(issueCertificate({ ...params, now: late, validityMonths: 36 })).rejects.toThrow(
      'outlive',
    );
  });
});
