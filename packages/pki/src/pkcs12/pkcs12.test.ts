import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedCertificateAuthority } from '../ca/certificate-authority';
import { exportPkcs8 } from '../keys/certificate-key';
import { generateKeyPairAndCsr, type GeneratedKeyType } from '../keys/key-pair';
import { decodeSinglePem, encodePem } from '../pem';
import { exportPkcs12, readPkcs12, type ExportPkcs12Params } from './pkcs12';
import { createTestCa, createTestHolder, type TestCa } from '../testing/cms-fixtures';
import { codeOf } from '../testing/error-code';
import { createOpensslFolder, type OpensslFolder } from '../testing/openssl';

const PASSWORD = 'Signature déclarations 2026 ✓';
const LOW = { iterations: 2048, allowLowIterations: true } as const;
let openssl: OpensslFolder;
let ca: TestCa;
let caStored: CreatedCertificateAuthority;

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = await createTestCa();
  caStored = ca.stored;
});
afterAll(() => openssl.remove());

/** A key and the certificate the test CA issued for it, ready for exportPkcs12. */
async function holder(keyType: GeneratedKeyType): Promise<ExportPkcs12Params> {
  const { privateKeyPkcs8, certificatePem } = await createTestHolder(ca, keyType);
  return {
    privateKeyPkcs8,
    certificatePem,
    chainPem: [caStored.certificatePem],
    password: PASSWORD,
    friendlyName: 'Anne Durand (signature)',
  };
}

/** Writes the PFX and the certificate, and checks that openssl extracts the matching key. */
function expectOpensslExtractsKey(name: string, pfx: Buffer, certificatePem: string): string {
  openssl.write(`${name}.p12`, pfx);
  openssl.write(`${name}.crt`, certificatePem);
  const pass = ['-passin', `pass:${PASSWORD}`];
  const out = openssl.ok([
    'pkcs12',
    '-in',
    `${name}.p12`,
    '-nodes',
    ...pass,
    '-out',
    `${name}.pem`,
  ]);
  expect(out).not.toMatch(/warning|broken/i);
  const fromKey = openssl.ok(['pkey', '-in', `${name}.pem`, '-pubout']);
  expect(fromKey).toBe(openssl.ok(['x509', '-in', `${name}.crt`, '-noout', '-pubkey']));
  return openssl.read(`${name}.pem`);
}

describe('exportPkcs12', () => {
  it('builds at 600,000 iterations a PFX that openssl opens with an accented password', async () => {
    const params = await holder('ECDSA-P256');
    const pfx = await exportPkcs12(params);
    const pem = expectOpensslExtractsKey('default', pfx, params.certificatePem);

    const pass = `pass:${PASSWORD}`;
    const info = openssl.ok(['pkcs12', '-in', 'default.p12', '-info', '-noout', '-passin', pass]);
    expect(info).toContain('MAC: sha256, Iteration 600000');
    const pbes2 = 'PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256';
    expect(info).toContain(`Shrouded Keybag: ${pbes2}`);
    expect(info).toContain(`PKCS7 Encrypted data: ${pbes2}`);

    // localKeyID = SHA-1 of the certificate DER, on the key and on its certificate only.
    const der = decodeSinglePem(params.certificatePem, ['CERTIFICATE'])!;
    const sha1 = createHash('sha1').update(der).digest('hex').toUpperCase().match(/../g)!;
    expect(pem.split(`localKeyID: ${sha1.join(' ')}`)).toHaveLength(3);
    expect(pem.split('friendlyName: Anne Durand (signature)\n')).toHaveLength(3);
    expect(pem.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);

    const read = await readPkcs12(pfx, PASSWORD);
    expect(read.privateKeyPkcs8).toEqual(params.privateKeyPkcs8);
    expect(read.certificatesPem).toEqual([params.certificatePem, caStored.certificatePem]);

    const wrong = openssl.run(['pkcs12', '-in', 'default.p12', '-noout', '-passin', 'pass:nope']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toContain('Mac verify error');
    expect(await codeOf(readPkcs12(pfx, 'Signature declarations 2026 ✓'))).toBe('WRONG_PASSWORD');
  });

  it('exports an RSA-2048 key too (low iteration count, test only)', async () => {
    const params = await holder('RSA-2048');
    const pfx = await exportPkcs12({ ...params, ...LOW, chainPem: [] });
    expectOpensslExtractsKey('rsa', pfx, params.certificatePem);
    const read = await readPkcs12(pfx, PASSWORD);
    expect(read).toEqual({
      privateKeyPkcs8: params.privateKeyPkcs8,
      certificatesPem: [params.certificatePem],
    });
  });

  it('refuses fewer than 600,000 iterations, a foreign key and a bad certificate', async () => {
    const params = await holder('ECDSA-P256');
    expect(await codeOf(exportPkcs12({ ...params, iterations: 599_999 }))).toBe(
      'PROTECTION_TOO_WEAK',
    );
    const other = await exportPkcs8(
      (await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' })).privateKey,
    );
    expect(await codeOf(exportPkcs12({ ...params, ...LOW, privateKeyPkcs8: other }))).toBe(
      'CERTIFICATE_MALFORMED',
    );
    expect(await codeOf(exportPkcs12({ ...params, ...LOW, chainPem: ['nope'] }))).toBe(
      'CERTIFICATE_MALFORMED',
    );
    await expect(exportPkcs12({ ...params, ...LOW, password: '' })).rejects.toThrow(RangeError);
  });
});

describe('readPkcs12', () => {
  /** Makes `<name>.p12` with `openssl pkcs12 -export` and the given extra options. */
  async function opensslPfx(name: string, options: string[]): Promise<ExportPkcs12Params> {
    const params = await holder('ECDSA-P256');
    openssl.write(`${name}.key`, encodePem(params.privateKeyPkcs8, 'PRIVATE KEY'));
    openssl.write(`${name}.crt`, params.certificatePem);
    openssl.write('ca.crt', caStored.certificatePem);
    openssl.ok([
      ...['pkcs12', '-export', '-in', `${name}.crt`, '-inkey', `${name}.key`],
      ...['-certfile', 'ca.crt', '-passout', `pass:${PASSWORD}`, '-out', `${name}.p12`],
      ...options,
    ]);
    return params;
  }
  const bytes = (name: string) => readFileSync(join(openssl.dir, name));

  it('reads a PFX made by openssl (PBES2/AES-256-CBC, MAC SHA-256), own certificate first', async () => {
    const params = await opensslPfx('o', []);
    const read = await readPkcs12(bytes('o.p12'), PASSWORD);
    expect(read.privateKeyPkcs8).toEqual(params.privateKeyPkcs8);
    expect(read.certificatesPem).toEqual([params.certificatePem, caStored.certificatePem]);
    expect(await codeOf(readPkcs12(bytes('o.p12'), 'wrong'))).toBe('WRONG_PASSWORD');
  });

  it('answers PKCS12_INVALID to legacy, MAC-less, costly or broken files', async () => {
    await opensslPfx('legacy', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES']);
    await opensslPfx('nomac', ['-nomac']);
    await opensslPfx('costly', ['-iter', '2000001']);
    const started = Date.now();
    for (const name of ['legacy.p12', 'nomac.p12', 'costly.p12']) {
      expect(await codeOf(readPkcs12(bytes(name), PASSWORD)), name).toBe('PKCS12_INVALID');
    }
    expect(Date.now() - started).toBeLessThan(2000); // the costly file was refused unread
    const good = bytes('o.p12');
    for (const der of [Buffer.alloc(0), Buffer.from('nope'), good.subarray(0, 500)]) {
      expect(await codeOf(readPkcs12(der, PASSWORD))).toBe('PKCS12_INVALID');
    }
    expect(await codeOf(readPkcs12(Buffer.alloc(70_000, 0x30), PASSWORD))).toBe('PKCS12_INVALID');
  });

  it('never throws anything but WRONG_PASSWORD or PKCS12_INVALID for a flipped byte', async () => {
    const params = await holder('ECDSA-P256');
    const pfx = await exportPkcs12({ ...params, iterations: 1, allowLowIterations: true });
    const codes = new Set<string>();
    for (let index = 0; index < pfx.length; index += 7) {
      const tampered = Buffer.from(pfx);
      tampered[index]! ^= 0x01;
      codes.add(await codeOf(readPkcs12(tampered, PASSWORD)));
    }
    expect([...codes].sort()).toEqual(['PKCS12_INVALID', 'WRONG_PASSWORD']);
  });
});
