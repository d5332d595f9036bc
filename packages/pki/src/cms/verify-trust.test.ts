import '../engine'; // first: loads reflect-metadata before x509
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { CA_SIGNING_ALGORITHM, signCaCertificate } from '../ca/certificate-authority';
import { exportPkcs8 } from '../keys/certificate-key';
import { createCmsSigner } from './sign';
import {
  createTestCa,
  createTestHolder,
  type TestCa,
  type TestHolder,
} from '../testing/cms-fixtures';
import { verifyCms, type VerifyCmsOptions } from './verify';
import { encodePem } from '../pem';
import { issueReceiptSignerCertificate, RECEIPT_SIGNER_EKU } from '../ca/receipt-certificate';
import { codeOf } from '../testing/error-code';

const HOUR = 3_600_000;
const CONTENT = Buffer.from("UNA:+,? 'UNB+UNOL:3+1234567890123:80+EDI'");
let ca: TestCa;
let holder: TestHolder;
/** A signing time one hour into the holder's validity. */
let inside: Date;

const trust = (extra: Partial<VerifyCmsOptions> = {}): VerifyCmsOptions => ({
  trustedCaPem: [ca.stored.certificatePem],
  ...extra,
});

async function signBy(signer: TestHolder, at: Date = inside): Promise<Buffer> {
  return (await createCmsSigner(signer)).sign(CONTENT, at);
}

/** A certificate by `ca` for a fresh P-256 key with only the given extensions. */
async function holderWithExtensions(extensions: x509.Extension[]): Promise<TestHolder> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  const notAfter = new Date(notBefore.getTime() + 24 * HOUR);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '0a0b0c0d',
    subject: 'CN=Sans usage de signature',
    issuer: ca.loaded.certificate.subjectName,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: ca.loaded.privateKey,
    signingAlgorithm: CA_SIGNING_ALGORITHM,
    extensions: [
      ...extensions,
      new x509.AuthorityKeyIdentifierExtension(ca.loaded.keyIdentifier, false),
    ],
  });
  return {
    privateKeyPkcs8: await exportPkcs8(keys.privateKey),
    certificatePem: encodePem(certificate.rawData, 'CERTIFICATE'),
    serialHex: '0a0b0c0d',
    notBefore,
    notAfter,
  };
}

beforeAll(async () => {
  ca = await createTestCa();
  holder = await createTestHolder(ca, 'ECDSA-P256');
  inside = new Date(holder.notBefore.getTime() + HOUR);
});

describe('verifyCms refuses, at step 3, CMS_CERTIFICATE_UNTRUSTED:', () => {
  it('a certificate issued by another CA, unless that CA is trusted too', async () => {
    const otherCa = await createTestCa('Autre CA');
    const signed = await signBy(await createTestHolder(otherCa, 'ECDSA-P256'));
    expect(await codeOf(verifyCms(signed, trust()))).toBe('CMS_CERTIFICATE_UNTRUSTED');
    expect(await codeOf(verifyCms(signed, { trustedCaPem: [] }))).toBe('CMS_CERTIFICATE_UNTRUSTED');
    const both = { trustedCaPem: [ca.stored.certificatePem, otherCa.stored.certificatePem] };
    expect((await verifyCms(signed, both)).content).toEqual(CONTENT);
  });

  it('a certificate from an impostor CA with the same name and key identifier but another key', async () => {
    // Name and SKI/AKI all match the trusted CA: only the signature check can tell.
    const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair;
    const real = ca.loaded.certificate;
    const certificate = await signCaCertificate({
      serialHex: '01',
      name: real.subjectName,
      notBefore: real.notBefore,
      notAfter: real.notAfter,
      keys,
      keyIdentifier: ca.loaded.keyIdentifier,
    });
    const certificatePem = encodePem(certificate.rawData, 'CERTIFICATE');
    const impostor: TestCa = {
      stored: { certificatePem, privateKeyPkcs8: await exportPkcs8(keys.privateKey) },
      loaded: {
        certificate,
        certificatePem,
        privateKey: keys.privateKey,
        keyIdentifier: ca.loaded.keyIdentifier,
      },
    };
    const signed = await signBy(await createTestHolder(impostor, 'ECDSA-P256'));
    expect(await codeOf(verifyCms(signed, trust()))).toBe('CMS_CERTIFICATE_UNTRUSTED');
    // Control: the impostor's certificate is well-formed and trusted when it is the anchor.
    expect((await verifyCms(signed, { trustedCaPem: [certificatePem] })).content).toEqual(CONTENT);
  });

  it('the CA signing with its own certificate (a CA, keyCertSign only)', async () => {
    const caAsSigner: TestHolder = {
      ...holder,
      privateKeyPkcs8: ca.stored.privateKeyPkcs8,
      certificatePem: ca.stored.certificatePem,
    };
    const signed = await signBy(caAsSigner, new Date());
    expect(await codeOf(verifyCms(signed, trust()))).toBe('CMS_CERTIFICATE_UNTRUSTED');
  });

  it('a certificate without digitalSignature/nonRepudiation, or without keyUsage at all', async () => {
    const encipherOnly = await holderWithExtensions([
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyEncipherment, true),
    ]);
    const noKeyUsage = await holderWithExtensions([]);
    const nonRepudiationOnly = await holderWithExtensions([
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation, true),
    ]);
    for (const signer of [encipherOnly, noKeyUsage]) {
      const signed = await signBy(signer, new Date());
      expect(await codeOf(verifyCms(signed, trust()))).toBe('CMS_CERTIFICATE_UNTRUSTED');
    }
    const control = await signBy(nonRepudiationOnly, new Date());
    expect((await verifyCms(control, trust())).signerSerialHex).toBe('0a0b0c0d');
  });

  it('a certificate with a critical extension this verifier does not know (RFC 5280 §4.2)', async () => {
    const signing = new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true);
    const unknown = new x509.Extension('1.3.6.1.4.1.99999.1', true, new Uint8Array([5, 0]));
    const signed = await signBy(await holderWithExtensions([signing, unknown]), new Date());
    expect(await codeOf(verifyCms(signed, trust()))).toBe('CMS_CERTIFICATE_UNTRUSTED');
    const notCritical = new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array([5, 0]));
    const control = await signBy(await holderWithExtensions([signing, notCritical]), new Date());
    expect((await verifyCms(control, trust())).content).toEqual(CONTENT);
  });

  it('a user signature certificate where the receipt EKU is required', async () => {
    const receipt = await issueReceiptSignerCertificate({
      ca: ca.loaded,
      commonName: 'Partenaire EDI — accusés de réception',
      organization: 'Partenaire EDI',
      now: new Date(),
      validityMonths: 12,
    });
    const receiptSigner = await createCmsSigner({
      ...receipt,
      extraCertificatesPem: [ca.stored.certificatePem],
    });
    const signedReceipt = await receiptSigner.sign(CONTENT, new Date());
    const forReceipts = trust({ requiredExtendedKeyUsage: RECEIPT_SIGNER_EKU });
    expect((await verifyCms(signedReceipt, forReceipts)).content).toEqual(CONTENT);
    expect(await codeOf(verifyCms(await signBy(holder), forReceipts))).toBe(
      'CMS_CERTIFICATE_UNTRUSTED',
    );
    const forUsers = trust({ requiredExtendedKeyUsage: '1.3.6.1.5.5.7.3.4' }); // emailProtection
    expect((await verifyCms(await signBy(holder), forUsers)).content).toEqual(CONTENT);
    // The receipt signer also carries emailProtection (so that OpenSSL's default S/MIME check
    // verifies receipts): the EKU alone does not keep it from sealing a deposit; the partner
    // does, by accepting only certificates it issued to people (deposit-intake tests).
    expect((await verifyCms(signedReceipt, forUsers)).content).toEqual(CONTENT);
  });

  it('before step 4: an untrusted certificate that is also expired is reported untrusted', async () => {
    const otherCa = await createTestCa('Autre CA');
    const stranger = await createTestHolder(otherCa, 'ECDSA-P256');
    const signed = await signBy(stranger, new Date(stranger.notAfter.getTime() + HOUR));
    expect(await codeOf(verifyCms(signed, trust()))).toBe('CMS_CERTIFICATE_UNTRUSTED');
  });
});

describe('verifyCms refuses, at step 4, CMS_CERTIFICATE_EXPIRED:', () => {
  it('a signing time after notAfter, or before notBefore', async () => {
    const after = await signBy(holder, new Date(holder.notAfter.getTime() + 1000));
    expect(await codeOf(verifyCms(after, trust()))).toBe('CMS_CERTIFICATE_EXPIRED');
    const before = await signBy(holder, new Date(holder.notBefore.getTime() - 1000));
    expect(await codeOf(verifyCms(before, trust()))).toBe('CMS_CERTIFICATE_EXPIRED');
    // The bounds themselves are inside (RFC 5280 §4.1.2.5: "inclusive").
    expect((await verifyCms(await signBy(holder, holder.notAfter), trust())).content).toEqual(
      CONTENT,
    );
  });

  it('a signing time outside the validity even when `at` is inside it', async () => {
    const after = await signBy(holder, new Date(holder.notAfter.getTime() + HOUR));
    expect(await codeOf(verifyCms(after, trust({ at: inside })))).toBe('CMS_CERTIFICATE_EXPIRED');
  });

  it('an `at` outside the validity even when the signing time is inside it', async () => {
    const signed = await signBy(holder);
    const later = new Date(holder.notAfter.getTime() + HOUR);
    expect(await codeOf(verifyCms(signed, trust({ at: later })))).toBe('CMS_CERTIFICATE_EXPIRED');
    expect((await verifyCms(signed, trust({ at: inside }))).signingTime).toEqual(inside);
  });
});

describe('verifyCms trust anchors', () => {
  it('refuses a malformed trusted CA as the caller’s error (CERTIFICATE_MALFORMED)', async () => {
    const signed = await signBy(holder);
    expect(await codeOf(verifyCms(signed, { trustedCaPem: ['pas un certificat'] }))).toBe(
      'CERTIFICATE_MALFORMED',
    );
  });
});
