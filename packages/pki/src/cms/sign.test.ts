import '../engine'; // first: installs pkijs' WebCrypto engine
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmsSigner } from './sign';
import {
  createTestCa,
  createTestHolder,
  opensslCmsSign,
  type TestCa,
  type TestHolder,
} from '../testing/cms-fixtures';
import { verifyCms } from './verify';
import type { GeneratedKeyType } from '../keys/key-pair';
import { codeOf } from '../testing/error-code';
import { createOpensslFolder, opensslCmsVerify, type OpensslFolder } from '../testing/openssl';

let openssl: OpensslFolder;
let ca: TestCa;
const holders = new Map<GeneratedKeyType, TestHolder>();
const KEY_TYPES: GeneratedKeyType[] = ['ECDSA-P256', 'ECDSA-P384', 'RSA-3072'];

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = await createTestCa();
  openssl.write('ca.pem', ca.stored.certificatePem);
  for (const keyType of KEY_TYPES) holders.set(keyType, await createTestHolder(ca, keyType));
});
afterAll(() => openssl.remove());

/** The DER of a one-certificate PEM. */
function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
}

function holder(keyType: GeneratedKeyType): TestHolder {
  const found = holders.get(keyType);
  if (!found) throw new Error(`no holder ${keyType}`);
  return found;
}

describe.each(KEY_TYPES)('createCmsSigner with a %s key', (keyType) => {
  it('makes a SignedData that openssl verifies against the CA and whose content it outputs', async () => {
    const signer = await createCmsSigner(holder(keyType));
    // Binary content (every byte value, CR/LF included): -binary must give it back unchanged.
    const content = randomBytes(20 * 1024);
    const signed = await signer.sign(content, new Date());
    const verified = opensslCmsVerify(openssl, `${keyType}.p7m`, signed);
    expect(verified.output).toContain('CMS Verification successful');
    expect(verified.content).toEqual(content);
  });

  it('signs exactly the four CAdES-BES signed attributes, SHA-256, one signer, the certificate included', async () => {
    const signer = await createCmsSigner(holder(keyType));
    const signingTime = new Date('2026-03-15T10:19:30.789Z'); // only printed, not verified
    openssl.write(`${keyType}-attrs.p7m`, await signer.sign(Buffer.from('INFENT'), signingTime));
    const printed = openssl.ok([
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      `${keyType}-attrs.p7m`,
    ]);
    const objects = [...printed.matchAll(/object: (.+)/g)].map((match) => match[1]);
    expect(objects.filter((object) => !object?.startsWith('X509v3'))).toEqual([
      'contentType (1.2.840.113549.1.9.3)',
      'signingTime (1.2.840.113549.1.9.5)',
      'messageDigest (1.2.840.113549.1.9.4)',
      'id-smime-aa-signingCertificateV2 (1.2.840.113549.1.9.16.2.47)',
    ]);
    expect(printed).toContain('UTCTIME:Mar 15 10:19:30 2026 GMT');
    expect(printed).toContain('OBJECT:pkcs7-data (1.2.840.113549.1.7.1)');
    expect(printed).toMatch(/digestAlgorithm:\s+algorithm: sha256/);
    // One SignerInfo, naming the certificate by issuer and serial number.
    expect(printed.match(/d\.issuerAndSerialNumber:/g)).toHaveLength(1);
    expect(printed).toContain(`serialNumber: ${BigInt(`0x${holder(keyType).serialHex}`)}`);
    expect(printed).toMatch(
      keyType === 'RSA-3072' ? /sha256WithRSAEncryption/ : /ecdsa-with-SHA256/,
    );
  });

  it('gives back what verifyCms reads: content, digest, signer, signing time', async () => {
    const { certificatePem, serialHex } = holder(keyType);
    const signer = await createCmsSigner(holder(keyType));
    const content = Buffer.from("UNA:+,? 'UNB+UNOL:3+…€'");
    // Within the certificate's validity, with milliseconds that DER time drops.
    const signingTime = new Date(holder(keyType).notBefore.getTime() + 86_400_789);
    const verified = await verifyCms(await signer.sign(content, signingTime), {
      trustedCaPem: [ca.stored.certificatePem],
    });
    expect(verified.content).toEqual(content);
    expect(verified.contentSha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(verified.signerSerialHex).toBe(serialHex);
    expect(verified.signerCertificatePem).toBe(certificatePem);
    expect(verified.signingTime).toEqual(new Date(signingTime.getTime() - 789));
  });

  it('makes what pkijs (a third implementation) verifies, chain included', async () => {
    const content = randomBytes(4096);
    const signed = await (await createCmsSigner(holder(keyType))).sign(content, new Date());
    const signedData = new pkijs.SignedData({
      schema: pkijs.ContentInfo.fromBER(signed).content,
    });
    const caCertificate = pkijs.Certificate.fromBER(derOf(ca.stored.certificatePem));
    const ok = await signedData.verify({
      signer: 0,
      trustedCerts: [caCertificate],
      checkChain: true,
      extendedMode: true,
    });
    expect(ok.signatureVerified).toBe(true);
    expect(ok.signerCertificateVerified).toBe(true);
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf(content);
    tampered[at + 100] = (tampered[at + 100] ?? 0) ^ 1;
    const bad = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(tampered).content });
    const refused = await bad
      .verify({ signer: 0, trustedCerts: [caCertificate], checkChain: true, extendedMode: true })
      .then(
        () => undefined,
        (error: unknown) => error as { code: number; message: string },
      );
    expect(refused?.message).toMatch(/message digest/i);
  });
});

describe('createCmsSigner', () => {
  it('refuses a certificate that is not the key’s, or unreadable certificates: CERTIFICATE_MALFORMED', async () => {
    const ecdsa = holder('ECDSA-P256');
    const rsa = holder('RSA-3072');
    const mismatched = {
      privateKeyPkcs8: ecdsa.privateKeyPkcs8,
      certificatePem: rsa.certificatePem,
    };
    expect(await codeOf(createCmsSigner(mismatched))).toBe('CERTIFICATE_MALFORMED');
    expect(await codeOf(createCmsSigner({ ...ecdsa, certificatePem: 'pas un certificat' }))).toBe(
      'CERTIFICATE_MALFORMED',
    );
    expect(
      await codeOf(
        createCmsSigner({
          ...ecdsa,
          extraCertificatesPem: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'],
        }),
      ),
    ).toBe('CERTIFICATE_MALFORMED');
  });

  it('keeps no reference to the PKCS#8 bytes: the caller may zero them before signing', async () => {
    const ecdsa = holder('ECDSA-P256');
    const privateKeyPkcs8 = Buffer.from(ecdsa.privateKeyPkcs8);
    const signer = await createCmsSigner({ privateKeyPkcs8, certificatePem: ecdsa.certificatePem });
    privateKeyPkcs8.fill(0);
    expect(Object.keys(signer)).toEqual(['sign']);
    const signed = await signer.sign(Buffer.from('après effacement'), new Date());
    const verified = await verifyCms(signed, { trustedCaPem: [ca.stored.certificatePem] });
    expect(verified.content.toString()).toBe('après effacement');
  });

  it('ships the extra certificates in the bag, and signs an empty content', async () => {
    const signer = await createCmsSigner({
      ...holder('ECDSA-P256'),
      extraCertificatesPem: [ca.stored.certificatePem],
    });
    const signed = await signer.sign(new Uint8Array(0), new Date());
    openssl.write('chain.p7m', signed);
    const printed = openssl.ok(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'chain.p7m']);
    expect(printed.match(/cert_info:/g)).toHaveLength(2);
    const verified = await verifyCms(signed, { trustedCaPem: [ca.stored.certificatePem] });
    expect(verified.content).toHaveLength(0);
    expect(verified.signerSerialHex).toBe(holder('ECDSA-P256').serialHex);
  });

  it('never returns a signature that does not verify: CMS_SELF_CHECK_FAILED', async () => {
    // A WebCrypto whose sign() signs other bytes than it is given, as a faulty engine might.
    const faulty = {
      getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
      subtle: {
        importKey: webcrypto.subtle.importKey.bind(webcrypto.subtle),
        sign: (algorithm: webcrypto.EcdsaParams, key: webcrypto.CryptoKey) =>
          webcrypto.subtle.sign(algorithm, key, Buffer.from('autre chose')),
      },
    } as unknown as webcrypto.Crypto;
    const signer = await createCmsSigner(holder('ECDSA-P256'), faulty);
    expect(await codeOf(signer.sign(Buffer.from('INFENT'), new Date()))).toBe(
      'CMS_SELF_CHECK_FAILED',
    );
  });

  it('refuses an invalid signing time', async () => {
    const signer = await createCmsSigner(holder('ECDSA-P256'));
    await expect(signer.sign(Buffer.from('x'), new Date(Number.NaN))).rejects.toThrow(RangeError);
  });
});

describe('verifyCms of messages made by openssl cms -sign', () => {
  const trust = () => ({ trustedCaPem: [ca.stored.certificatePem] });

  it('accepts a CAdES message (-cades adds signingCertificateV2) with the identical content', async () => {
    const content = randomBytes(20 * 1024);
    const verified = await verifyCms(
      opensslCmsSign(openssl, 'cades', content, [holder('ECDSA-P256')]),
      trust(),
    );
    expect(verified.content).toEqual(content);
    expect(verified.signerSerialHex).toBe(holder('ECDSA-P256').serialHex);
    expect(verified.signingTime).not.toBeNull();
  });

  it('refuses the same message without signingCertificateV2: CMS_SIGNATURE_INVALID', async () => {
    const plain = opensslCmsSign(
      openssl,
      'plain',
      randomBytes(1024),
      [holder('ECDSA-P256')],
      ['-nodetach'],
    );
    expect(await codeOf(verifyCms(plain, trust()))).toBe('CMS_SIGNATURE_INVALID');
  });
});
