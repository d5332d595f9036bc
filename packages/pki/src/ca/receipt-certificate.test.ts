import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateInfo, certificateMatchesPrivateKey } from '../keys/certificate-key';
import { createTestCa, createTestHolder, type TestCa } from '../testing/cms-fixtures';
import {
  hasReceiptSignerUsages,
  issueReceiptSignerCertificate,
  RECEIPT_SIGNER_EKU,
} from './receipt-certificate';
import {
  attime,
  createOpensslFolder,
  issueWithOpenssl,
  type OpensslFolder,
} from '../testing/openssl';

const NOW = new Date('2026-01-10T08:00:00.500Z');
let openssl: OpensslFolder;
let ca: TestCa;

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = await createTestCa('CA Test', new Date('2026-01-01T00:00:00Z'));
  openssl.write('ca.pem', ca.stored.certificatePem);
});
afterAll(() => openssl.remove());

const issue = (validityMonths = 12) =>
  issueReceiptSignerCertificate({
    ca: ca.loaded,
    commonName: 'Partenaire EDI — accusés de réception',
    organization: 'Partenaire EDI de référence',
    now: NOW,
    validityMonths,
  });

describe('issueReceiptSignerCertificate', () => {
  it('certifies a P-256 key for signing only, with the receipt EKU and emailProtection, as openssl reads it', async () => {
    const { certificatePem, privateKeyPkcs8 } = await issue();
    expect(certificateMatchesPrivateKey(certificatePem, privateKeyPkcs8)).toBe(true);
    openssl.write('receipt.pem', certificatePem);
    const text = openssl.ok(['x509', '-in', 'receipt.pem', '-noout', '-text']);
    expect(text).toContain('ASN1 OID: prime256v1');
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    // openssl decodes the 128-bit arc to the same dotted OID: the encoding is right.
    expect(text).toMatch(
      new RegExp(
        `X509v3 Extended Key Usage: \\n\\s+${RECEIPT_SIGNER_EKU.replace(/\./g, '\\.')}, E-mail Protection\\n`,
      ),
    );
    expect(hasReceiptSignerUsages(certificatePem)).toBe(true);
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain('Subject: CN = Partenaire EDI');
  });

  it('is valid from now − 1 minute for the months asked, and chains to the CA', async () => {
    const { certificatePem } = await issue(12);
    const info = certificateInfo(certificatePem);
    expect(info.notBefore).toEqual(new Date('2026-01-10T07:59:00Z'));
    expect(info.notAfter).toEqual(new Date('2027-01-10T07:59:00Z'));
    openssl.write('chained.pem', certificatePem);
    const at = ['-attime', attime(NOW)];
    expect(
      openssl.ok(['verify', ...at, '-CAfile', 'ca.pem', '-purpose', 'any', 'chained.pem']),
    ).toContain('chained.pem: OK');
    // OpenSSL's default purpose for `cms -verify` (S/MIME signing) accepts it: third parties
    // verify receipts without `-purpose any`.
    expect(
      openssl.ok(['verify', ...at, '-CAfile', 'ca.pem', '-purpose', 'smimesign', 'chained.pem']),
    ).toContain('chained.pem: OK');
  });

  it('tells a certificate issued before emailProtection was added, and a user’s, from a current one', async () => {
    const user = await createTestHolder(ca, 'ECDSA-P256', { now: NOW });
    expect(hasReceiptSignerUsages(user.certificatePem)).toBe(false);
    // The first version's profile, made by openssl with the CA's key: the receipt EKU alone.
    const old = issueWithOpenssl(openssl, {
      caPem: ca.stored.certificatePem,
      caKeyPkcs8: ca.stored.privateKeyPkcs8,
      extensions: `keyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=${RECEIPT_SIGNER_EKU}\n`,
      days: 30,
    });
    expect(hasReceiptSignerUsages(old.certificatePem)).toBe(false);
  });

  it('refuses a validity beyond the CA certificate or out of range', async () => {
    await expect(issue(12 * 10)).rejects.toThrow(RangeError);
    await expect(issue(0)).rejects.toThrow(RangeError);
    await expect(issue(1.5)).rejects.toThrow(RangeError);
  });
});
