// The hand-written island (der/ and cms/, see cms/README.md) checked against pkijs, a second
// implementation of the same structures running in the same process, as the OpenSSL tests check
// it against a third: the certificate reader reads the same fields as pkijs.Certificate, and on
// the fixed valid deposits and seeded mutations of them, whatever verifyCms accepts pkijs
// verifies too (signature, and chain to the same CA at the same time), with the same content,
// signer and signing time. One-sided, like the OpenSSL differential test: verifyCms is stricter
// on purpose (DER only…), so pkijs may accept what we refuse, never the reverse.
import '../engine'; // first: installs pkijs' WebCrypto engine
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, createTestHolder, type TestCa } from '../testing/cms-fixtures';
import { loadDifferentialBases, type DifferentialBase } from '../testing/differential-bases';
import { mutateCms } from '../testing/cms-mutations';
import { prng } from '../testing/prng';
import { issueReceiptSignerCertificate, RECEIPT_SIGNER_EKU } from '../ca/receipt-certificate';
import { readCertificate, type Certificate } from '../der/certificate';
import { decodeSinglePem } from '../pem';
import { PkiError } from '../pki-error';
import { readCms } from './read';
import { verifyCms, type VerifyCmsOptions } from './verify';

const EMAIL_PROTECTION_EKU = '1.3.6.1.5.5.7.3.4';
const MUTATIONS = 1_000;
const SEED = 15;

function derOfPem(pem: string): Buffer {
  const der = decodeSinglePem(pem, ['CERTIFICATE']);
  if (!der) throw new Error('not a certificate PEM');
  return der;
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('hex');
}

/** What pkijs reads of a certificate, in the shape of the package's reader. */
function pkijsFields(der: Uint8Array) {
  const certificate = pkijs.Certificate.fromBER(der);
  const extension = (id: string) => certificate.extensions?.find((e) => e.extnID === id);
  const serial = hex(certificate.serialNumber.valueBlock.valueHexView);
  const ski = extension('2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
  const eku = extension('2.5.29.37')?.parsedValue as pkijs.ExtKeyUsage | undefined;
  const basic = extension('2.5.29.19')?.parsedValue as pkijs.BasicConstraints | undefined;
  return {
    serialHex: serial.startsWith('00') && serial.length > 2 ? serial.slice(2) : serial,
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    issuer: hex(certificate.issuer.toSchema().toBER()),
    subject: hex(certificate.subject.toSchema().toBER()),
    spki: hex(certificate.subjectPublicKeyInfo.toSchema().toBER()),
    tbs: hex(certificate.tbsView),
    signatureAlgorithm: certificate.signatureAlgorithm.algorithmId,
    isCa: basic?.cA === true,
    subjectKeyIdentifier: ski ? hex(ski.getValue()) : undefined,
    extendedKeyUsages: eku?.keyPurposes,
  };
}

function ourFields(certificate: Certificate) {
  return {
    serialHex: certificate.serialHex,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    issuer: hex(certificate.issuer),
    subject: hex(certificate.subject),
    spki: hex(certificate.spki),
    tbs: hex(certificate.tbs),
    signatureAlgorithm: certificate.signatureAlgorithm,
    isCa: certificate.isCa,
    subjectKeyIdentifier: certificate.subjectKeyIdentifier
      ? hex(certificate.subjectKeyIdentifier)
      : undefined,
    extendedKeyUsages: certificate.extendedKeyUsages,
  };
}

/**
 * pkijs' verdict on a message: the signature over the content and signed attributes (pkijs
 * finds the signer in the bag), then the signer's certificate issued by `ca` and valid at `at`;
 * with what it read when it accepts. The chain is checked against `ca` alone, as verifyCms and
 * openssl do: pkijs' own path building would prefer another copy of the CA found in the bag.
 */
async function pkijsVerify(message: Uint8Array, ca: pkijs.Certificate, at: Date) {
  try {
    const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(message).content });
    const result = await signedData.verify({ signer: 0, checkChain: false, extendedMode: true });
    const signer = result.signerCertificate;
    if (!result.signatureVerified || !signer || !(await signer.verify(ca))) return undefined;
    if (at < signer.notBefore.value || at > signer.notAfter.value) return undefined;
    const attributes = signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
    const time = attributes.find((a) => a.type === '1.2.840.113549.1.9.5')?.values[0] as
      asn1js.UTCTime | undefined;
    return {
      content: Buffer.from(signedData.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0)),
      signerSerialHex: hex(signer.serialNumber.valueBlock.valueHexView).replace(/^00(?=..)/, ''),
      signingTime: time?.toDate() ?? null,
    };
  } catch {
    return undefined;
  }
}

describe('the certificate reader against pkijs.Certificate', () => {
  let ca: TestCa;
  beforeAll(async () => {
    ca = await createTestCa();
  });

  it('reads the same fields of the CA and of holders of each key type', async () => {
    const pems = [ca.stored.certificatePem];
    for (const keyType of ['ECDSA-P256', 'ECDSA-P384', 'RSA-2048'] as const) {
      pems.push((await createTestHolder(ca, keyType)).certificatePem);
    }
    for (const pem of pems) {
      const der = derOfPem(pem);
      expect(ourFields(readCertificate(der))).toEqual(pkijsFields(der));
    }
  });

  it('reads the receipt signer’s 2.25 EKU right, where asn1js under pkijs loses its 128-bit arc', async () => {
    const { certificatePem } = await issueReceiptSignerCertificate({
      ca: ca.loaded,
      commonName: 'Partenaire EDI — Accusés de réception',
      organization: 'Partenaire EDI',
      now: new Date(),
      validityMonths: 12,
    });
    const der = derOfPem(certificatePem);
    const ours = ourFields(readCertificate(der));
    const theirs = pkijsFields(der);
    expect(ours.extendedKeyUsages).toEqual([RECEIPT_SIGNER_EKU, EMAIL_PROTECTION_EKU]);
    // The reason the island exists (cms/README.md): asn1js garbles arcs above 2^53.
    expect(theirs.extendedKeyUsages?.[0]).not.toBe(RECEIPT_SIGNER_EKU);
    expect({ ...ours, extendedKeyUsages: undefined }).toEqual({
      ...theirs,
      extendedKeyUsages: undefined,
    });
  });
});

describe('verifyCms against pkijs SignedData.verify', () => {
  let caPem: string;
  let bases: DifferentialBase[];
  let caForPkijs: pkijs.Certificate;
  let options: VerifyCmsOptions;

  beforeAll(() => {
    ({ caPem, bases } = loadDifferentialBases());
    caForPkijs = pkijs.Certificate.fromBER(derOfPem(caPem));
    options = { trustedCaPem: [caPem], requiredExtendedKeyUsage: EMAIL_PROTECTION_EKU };
  });

  async function ours(message: Uint8Array) {
    try {
      return await verifyCms(message, options);
    } catch (error) {
      if (error instanceof PkiError) return undefined;
      throw error;
    }
  }

  it('agrees on the four valid deposits: content, signer, signing time, certificates', async () => {
    for (const base of bases) {
      const verified = await ours(base.message);
      expect(verified, base.name).toBeDefined();
      const theirs = await pkijsVerify(base.message, caForPkijs, verified?.signingTime as Date);
      expect(theirs, base.name).toEqual({
        content: verified?.content,
        signerSerialHex: verified?.signerSerialHex,
        signingTime: verified?.signingTime,
      });
      const signedData = new pkijs.SignedData({
        schema: pkijs.ContentInfo.fromBER(base.message).content,
      });
      const theirCertificates = (signedData.certificates ?? []).map((c) =>
        hex((c as pkijs.Certificate).toSchema().toBER()),
      );
      expect(readCms(base.message).certificates.map((c) => hex(c.der))).toEqual(theirCertificates);
    }
  });

  it(`accepts none of ${MUTATIONS} seeded mutations that pkijs refuses, nor reads them otherwise`, async () => {
    const random = prng(SEED);
    let accepted = 0;
    const findings: string[] = [];
    for (let index = 0; index < MUTATIONS; index += 1) {
      const base = bases[index % bases.length] as DifferentialBase;
      const mutation = mutateCms(base, random);
      const verified = await ours(mutation.bytes);
      if (!verified) continue;
      accepted += 1;
      const theirs = await pkijsVerify(mutation.bytes, caForPkijs, verified.signingTime as Date);
      const same =
        theirs?.content.equals(verified.content) &&
        theirs.signerSerialHex === verified.signerSerialHex &&
        theirs.signingTime?.getTime() === verified.signingTime?.getTime();
      if (!same) findings.push(`#${index} ${base.name}: ${mutation.family}, ${mutation.what}`);
    }
    expect(findings, findings.join('\n')).toEqual([]);
    // The property was exercised: some mutations (mostly re-signed attributes) are valid.
    expect(accepted).toBeGreaterThan(5);
  });
});
