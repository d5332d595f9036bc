import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateInfo, certificateMatchesPrivateKey, exportPkcs8 } from './certificate-key';
import type { IssuedCertificate } from '../ca/issue-certificate';
import { generateKeyPairAndCsr, type GeneratedKeyType } from './key-pair';
import { createTestCa, createTestHolder } from '../testing/cms-fixtures';
import { syncCodeOf } from '../testing/error-code';
import { createOpensslFolder, type OpensslFolder } from '../testing/openssl';

const NOW = new Date('2026-03-15T10:20:30.456Z');
let openssl: OpensslFolder;
beforeAll(() => {
  openssl = createOpensslFolder();
});
afterAll(() => openssl.remove());

/** A certificate issued by a fresh test CA, and the PKCS#8 of its key. */
async function issued(
  keyType: GeneratedKeyType,
  options: { serialHex?: string; now?: Date } = {},
): Promise<{ certificate: IssuedCertificate; pkcs8: Buffer }> {
  const { privateKeyPkcs8, ...certificate } = await createTestHolder(
    await createTestCa(),
    keyType,
    {
      now: options.now ?? NOW,
      ...options,
    },
  );
  return { certificate, pkcs8: privateKeyPkcs8 };
}

describe('certificateMatchesPrivateKey', () => {
  it.each<GeneratedKeyType>(['ECDSA-P256', 'RSA-2048'])(
    'is true for the %s key of the certificate, false for another key',
    async (keyType) => {
      const { certificate, pkcs8 } = await issued(keyType);
      expect(certificateMatchesPrivateKey(certificate.certificatePem, pkcs8)).toBe(true);
      const other = await generateKeyPairAndCsr({ keyType });
      const otherPkcs8 = await exportPkcs8(other.privateKey);
      expect(certificateMatchesPrivateKey(certificate.certificatePem, otherPkcs8)).toBe(false);
    },
  );

  it('is false for an unreadable key, CERTIFICATE_MALFORMED for an unreadable certificate', async () => {
    const { certificate, pkcs8 } = await issued('ECDSA-P256');
    expect(certificateMatchesPrivateKey(certificate.certificatePem, pkcs8.subarray(1))).toBe(false);
    expect(certificateMatchesPrivateKey(certificate.certificatePem, new Uint8Array())).toBe(false);
    expect(syncCodeOf(() => certificateMatchesPrivateKey('nope', pkcs8))).toBe(
      'CERTIFICATE_MALFORMED',
    );
  });

  it('reads the key from a byte view without copying or changing it', async () => {
    const { certificate, pkcs8 } = await issued('ECDSA-P256');
    const padded = new Uint8Array(pkcs8.length + 8);
    padded.set(pkcs8, 4);
    const view = padded.subarray(4, 4 + pkcs8.length);
    expect(certificateMatchesPrivateKey(certificate.certificatePem, view)).toBe(true);
    expect(Buffer.from(view)).toEqual(pkcs8);
  });
});

describe('exportPkcs8', () => {
  it('refuses a non-extractable key', async () => {
    const { privateKey } = await generateKeyPairAndCsr({
      keyType: 'ECDSA-P256',
      extractable: false,
    });
    await expect(exportPkcs8(privateKey)).rejects.toThrow();
  });
});

describe('certificateInfo', () => {
  it('agrees with openssl x509 -serial -enddate', async () => {
    const { certificate } = await issued('ECDSA-P256', { serialHex: '0badc0ffee' });
    const info = certificateInfo(certificate.certificatePem);
    openssl.write('cert.pem', certificate.certificatePem);
    const text = openssl.ok(['x509', '-in', 'cert.pem', '-noout', '-serial', '-enddate']);
    expect(text).toContain(`serial=${info.serialHex.toUpperCase()}\n`);
    expect(info.serialHex).toBe('0badc0ffee');
    expect(text).toContain('notAfter=Mar 15 10:19:30 2028 GMT');
    expect(info.notAfter.toISOString()).toBe('2028-03-15T10:19:30.000Z');
    expect(info.notBefore.toISOString()).toBe('2026-03-15T10:19:30.000Z');
    expect(info.notAfter).toEqual(certificate.notAfter);
    expect(info.subject).toBe('CN=Anne Durand\nO=Cabinet Durand\nC=FR');
    expect(info.issuer).toBe('CN=CA Test\nO=Partenaire EDI\nC=FR');
  });

  it('reads single-digit days, and refuses what is not a certificate', async () => {
    const { certificate } = await issued('ECDSA-P256', { now: new Date('2026-04-05T08:00:00Z') });
    openssl.write('april.pem', certificate.certificatePem);
    expect(openssl.ok(['x509', '-in', 'april.pem', '-noout', '-startdate'])).toBe(
      'notBefore=Apr  5 07:59:00 2026 GMT\n',
    );
    expect(certificateInfo(certificate.certificatePem).notBefore.toISOString()).toBe(
      '2026-04-05T07:59:00.000Z',
    );
    for (const text of [
      '',
      'nope',
      '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----',
    ]) {
      expect(syncCodeOf(() => certificateInfo(text))).toBe('CERTIFICATE_MALFORMED');
    }
  });
});
