import '../engine'; // first: loads reflect-metadata before x509
import { randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCms } from './read';
import { createCmsSigner } from './sign';
import {
  createTestCa,
  createTestHolder,
  opensslCmsSign,
  type TestCa,
  type TestHolder,
} from '../testing/cms-fixtures';
import { verifyCms, type VerifyCmsOptions } from './verify';
import { issueCertificate } from '../ca/issue-certificate';
import { codeOf } from '../testing/error-code';
import { createOpensslFolder, type OpensslFolder } from '../testing/openssl';

let openssl: OpensslFolder;
let ca: TestCa;
let ecdsa: TestHolder;
let rsa: TestHolder;
/** A valid message by `ecdsa`, its content, and a signing time inside the validity. */
let valid: Buffer;
let content: Buffer;
let signingTime: Date;

const HOUR = 3_600_000;
const trust = (extra: Partial<VerifyCmsOptions> = {}): VerifyCmsOptions => ({
  trustedCaPem: [ca.stored.certificatePem],
  ...extra,
});

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = await createTestCa();
  ecdsa = await createTestHolder(ca, 'ECDSA-P256');
  rsa = await createTestHolder(ca, 'RSA-2048');
  content = randomBytes(2048);
  signingTime = new Date(ecdsa.notBefore.getTime() + HOUR);
  valid = await (await createCmsSigner(ecdsa)).sign(content, signingTime);
});
afterAll(() => openssl.remove());

/** The DER of a one-certificate PEM. */
function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
}

/** `message` with the byte at `index` XOR-ed with `mask`. */
function flipped(message: Uint8Array, index: number, mask = 0x01): Buffer {
  const copy = Buffer.from(message);
  copy[index] = (copy[index] ?? 0) ^ mask;
  return copy;
}

describe('verifyCms accepts', () => {
  it('our own message, and a CAdES message by openssl with SHA-512 (explicit ESS hash) or RSA', async () => {
    expect((await verifyCms(valid, trust())).content).toEqual(content);
    const sha512 = opensslCmsSign(
      openssl,
      'sha512',
      content,
      [ecdsa],
      ['-nodetach', '-cades', '-md', 'sha512'],
    );
    expect((await verifyCms(sha512, trust())).content).toEqual(content);
    // openssl names RSA signatures rsaEncryption, the digest coming from the SignerInfo.
    const viaRsa = opensslCmsSign(openssl, 'rsa', content, [rsa]);
    expect((await verifyCms(viaRsa, trust())).signerSerialHex).toBe(rsa.serialHex);
  });

  it('a signer named by subject key identifier (openssl -keyid, SignerInfo version 3)', async () => {
    const byKeyId = opensslCmsSign(
      openssl,
      'keyid',
      content,
      [ecdsa],
      ['-nodetach', '-cades', '-keyid'],
    );
    openssl.write('keyid.p7m', byKeyId);
    const printed = openssl.ok(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'keyid.p7m']);
    expect(printed).toContain('d.subjectKeyIdentifier');
    expect((await verifyCms(byKeyId, trust())).signerSerialHex).toBe(ecdsa.serialHex);
  });

  it('a message whose certificate has expired since, judged at its signing time', async () => {
    const later = new Date(ecdsa.notAfter.getTime() + 365 * 24 * HOUR);
    const signed = await (await createCmsSigner(ecdsa)).sign(content, signingTime);
    // Default: `at` = the signing time, so expiry afterwards does not matter...
    expect((await verifyCms(signed, trust())).signingTime).toEqual(signingTime);
    // ...but a caller judging at another date gets EXPIRED.
    expect(await codeOf(verifyCms(signed, trust({ at: later })))).toBe('CMS_CERTIFICATE_EXPIRED');
  });
});

describe('verifyCms refuses, at step 1, CMS_UNREADABLE:', () => {
  const unreadable = async (message: Uint8Array, options = trust()) =>
    expect(await codeOf(verifyCms(message, options))).toBe('CMS_UNREADABLE');

  it('truncated DER, at every length', async () => {
    for (let length = 0; length < valid.length; length += 37) {
      await unreadable(valid.subarray(0, length));
    }
    await unreadable(valid.subarray(0, valid.length - 1));
  });

  it('trailing garbage, random bytes, and an empty input', async () => {
    await unreadable(Buffer.concat([valid, Buffer.from([0])]));
    await unreadable(Buffer.concat([valid, randomBytes(100)]));
    await unreadable(randomBytes(4096));
    await unreadable(new Uint8Array(0));
  });

  it('more than maxBytes (and a maxBytes that is not a positive integer is the caller’s error)', async () => {
    await unreadable(valid, trust({ maxBytes: valid.length - 1 }));
    await expect(verifyCms(valid, trust({ maxBytes: Number.NaN }))).rejects.toThrow(RangeError);
    await expect(verifyCms(valid, trust({ maxBytes: 0 }))).rejects.toThrow(RangeError);
    expect((await verifyCms(valid, trust({ maxBytes: valid.length }))).content).toEqual(content);
  });

  it('BER (indefinite lengths, as openssl -stream writes), though openssl signed it well', async () => {
    const streamed = opensslCmsSign(
      openssl,
      'stream',
      content,
      [ecdsa],
      ['-nodetach', '-cades', '-stream'],
    );
    expect(streamed[1]).toBe(0x80); // indefinite length of the outer SEQUENCE
    await unreadable(streamed);
  });

  it('a detached signature (no eContent)', async () => {
    await unreadable(opensslCmsSign(openssl, 'detached', content, [ecdsa], ['-cades']));
  });

  it('two SignerInfos, though both are valid', async () => {
    await unreadable(opensslCmsSign(openssl, 'two', content, [ecdsa, rsa]));
  });

  it('a content type other than id-data', async () => {
    const other = opensslCmsSign(
      openssl,
      'econtent',
      content,
      [ecdsa],
      [
        '-nodetach',
        '-cades',
        '-econtent_type',
        '1.2.840.113549.1.9.16.1.4', // id-ct-TSTInfo
      ],
    );
    await unreadable(other);
  });

  it('a certificate, not a CMS message', async () => {
    await unreadable(derOf(ecdsa.certificatePem));
  });
});

describe('verifyCms refuses, at step 2, CMS_SIGNATURE_INVALID:', () => {
  const invalid = async (message: Uint8Array) =>
    expect(await codeOf(verifyCms(message, trust()))).toBe('CMS_SIGNATURE_INVALID');

  it('one flipped bit in the content (first, middle and last byte)', async () => {
    const at = valid.indexOf(content);
    expect(at).toBeGreaterThan(0);
    for (const index of [at, at + 1024, at + content.length - 1])
      await invalid(flipped(valid, index));
  });

  it('one flipped bit in the signature value', async () => {
    const copy = Uint8Array.from(valid); // its own buffer: view offsets are message offsets
    const { signature } = readCms(copy).signerInfo;
    const last = signature.byteOffset + signature.length - 1;
    await invalid(flipped(copy, last));
    await invalid(flipped(copy, last - 10, 0x80));
  });

  it('no signed attributes (openssl -noattr)', async () => {
    await invalid(opensslCmsSign(openssl, 'noattr', content, [ecdsa], ['-nodetach', '-noattr']));
  });

  it('a SHA-1 digest', async () => {
    const sha1 = ['-nodetach', '-cades', '-md', 'sha1'];
    await invalid(opensslCmsSign(openssl, 'sha1', content, [ecdsa], sha1));
  });

  it('no certificate in the message for the sid (openssl -nocerts)', async () => {
    await invalid(
      opensslCmsSign(openssl, 'nocerts', content, [ecdsa], ['-nodetach', '-cades', '-nocerts']),
    );
  });

  it('a substituted certificate (same issuer, serial and key): signingCertificateV2 catches it', async () => {
    // The attack ESS signingCertificateV2 exists for: the signature still verifies with the
    // key, but the certificate is not the one the signer bound (here: another email address).
    const original = derOf(ecdsa.certificatePem);
    const publicKey = new x509.X509Certificate(original).publicKey;
    let twin: Buffer | undefined;
    // Same length keeps every enclosing DER length right (the CA's ECDSA signature varies).
    for (let attempt = 0; attempt < 100 && !twin; attempt += 1) {
      const issued = await issueCertificate({
        ca: ca.loaded,
        csrPublicKey: publicKey,
        holder: { firstName: 'Anne', lastName: 'Durand', email: 'anne.dupont@cabinet.fr' },
        organization: 'Cabinet Durand',
        validityMonths: 24,
        crlUrl: 'https://partenaire.example/api/v1/crl',
        serialHex: ecdsa.serialHex,
        now: new Date(ecdsa.notBefore.getTime() + 60_000),
      });
      const der = derOf(issued.certificatePem);
      if (der.length === original.length) twin = der;
    }
    if (!twin) throw new Error('no same-length certificate in 100 tries');
    expect(twin.equals(original)).toBe(false);
    const at = valid.indexOf(original);
    expect(at).toBeGreaterThan(0);
    const swapped = Buffer.from(valid);
    twin.copy(swapped, at);
    expect((await verifyCms(valid, trust())).signerSerialHex).toBe(ecdsa.serialHex);
    await invalid(swapped);
  });
});
