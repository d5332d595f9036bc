import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmsSigner } from './cms-sign';
import { createTestCa, createTestHolder, type TestCa, type TestHolder } from './cms-test-fixtures';
import { verifyCms } from './cms-verify';
import type { GeneratedKeyType } from './key-pair';
import { codeOf } from './testing/error-code';
import { createOpensslFolder, type OpensslFolder } from './testing/openssl';

let openssl: OpensslFolder;
let ca: TestCa;
const holders = new Map<GeneratedKeyType, TestHolder>();
const KEY_TYPES: GeneratedKeyType[] = ['ECDSA-P256', 'RSA-3072'];

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = await createTestCa();
  openssl.write('ca.pem', ca.stored.certificatePem);
  for (const keyType of KEY_TYPES) holders.set(keyType, await createTestHolder(ca, keyType));
});
afterAll(() => openssl.remove());

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
    openssl.write(`${keyType}.p7m`, signed);
    const output = openssl.ok([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      `${keyType}.p7m`,
      '-CAfile',
      'ca.pem',
      '-out',
      `${keyType}.out`,
    ]);
    expect(output).toContain('CMS Verification successful');
    expect(readFileSync(join(openssl.dir, `${keyType}.out`))).toEqual(content);
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
});

describe('verifyCms of messages made by openssl cms -sign', () => {
  /** `openssl cms -sign -nodetach` of `content` with the ECDSA holder, plus `extra` flags. */
  function opensslSign(name: string, content: Buffer, extra: string[]): Buffer {
    const { certificatePem, privateKeyPkcs8 } = holder('ECDSA-P256');
    openssl.write('holder.crt', certificatePem);
    openssl.write('holder.der', privateKeyPkcs8);
    openssl.ok(['pkey', '-inform', 'DER', '-in', 'holder.der', '-out', 'holder.key']);
    openssl.write(`${name}.in`, content);
    openssl.ok([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-md',
      'sha256',
      '-outform',
      'DER',
      '-in',
      `${name}.in`,
      '-signer',
      'holder.crt',
      '-inkey',
      'holder.key',
      ...extra,
      '-out',
      `${name}.p7m`,
    ]);
    return readFileSync(join(openssl.dir, `${name}.p7m`));
  }
  const trust = () => ({ trustedCaPem: [ca.stored.certificatePem] });

  it('accepts a CAdES message (-cades adds signingCertificateV2) with the identical content', async () => {
    const content = randomBytes(20 * 1024);
    const verified = await verifyCms(opensslSign('cades', content, ['-cades']), trust());
    expect(verified.content).toEqual(content);
    expect(verified.signerSerialHex).toBe(holder('ECDSA-P256').serialHex);
    expect(verified.signingTime).not.toBeNull();
  });

  it('refuses the same message without signingCertificateV2: CMS_SIGNATURE_INVALID', async () => {
    const plain = opensslSign('plain', randomBytes(1024), []);
    expect(await codeOf(verifyCms(plain, trust()))).toBe('CMS_SIGNATURE_INVALID');
  });
});
