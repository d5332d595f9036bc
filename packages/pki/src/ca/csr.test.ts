import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCsr } from './csr';
import { generateKeyPairAndCsr, type GeneratedKeyType } from '../keys/key-pair';
import { decodeSinglePem, encodePem } from '../pem';
import { PkiError, type PkiErrorCode } from '../pki-error';
import { createOpensslFolder, type OpensslFolder } from '../testing/openssl';

let openssl: OpensslFolder;
beforeAll(() => {
  openssl = createOpensslFolder();
});
afterAll(() => openssl.remove());

/** The PkiError code `promise` rejects with (fails the test if it resolves or throws another). */
async function codeOf(promise: Promise<unknown>): Promise<PkiErrorCode> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PkiError)) throw new Error(`expected a PkiError, got ${String(error)}`);
  return error.code;
}

/** A CSR made by the openssl CLI from a key made by `genpkey` with the given options. */
function opensslCsr(name: string, genpkey: string[], reqOptions: string[] = []): string {
  openssl.ok(['genpkey', ...genpkey, '-out', `${name}.key`]);
  openssl.ok([
    'req',
    '-new',
    '-key',
    `${name}.key`,
    '-subj',
    '/CN=x',
    '-out',
    `${name}.csr`,
    ...reqOptions,
  ]);
  return openssl.read(`${name}.csr`);
}

/** `pem` with the DER octet at `index` (negative: from the end) XOR-ed with 0x01. */
function flipOctet(pem: string, index: number): string {
  const der = decodeSinglePem(pem, ['CERTIFICATE REQUEST'])!;
  der[index < 0 ? der.length + index : index]! ^= 0x01;
  return encodePem(der, 'CERTIFICATE REQUEST');
}

describe('generateKeyPairAndCsr and verifyCsr', () => {
  it.each<GeneratedKeyType>(['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-3072'])(
    'makes a %s CSR that openssl and verifyCsr both verify',
    async (keyType) => {
      const { csrPem, privateKey, publicKey } = await generateKeyPairAndCsr({ keyType });
      openssl.write(`${keyType}.csr`, csrPem);
      const output = openssl.ok(['req', '-in', `${keyType}.csr`, '-verify', '-noout']);
      expect(output).toContain('self-signature verify OK');
      const verified = await verifyCsr(csrPem);
      expect(verified).toMatchObject({ keyType, subject: 'CN=Passerelle' });
      expect(privateKey.type).toBe('private');
      expect(privateKey.extractable).toBe(true);
      expect(publicKey.type).toBe('public');
    },
  );

  it('keeps the requested subject and can make a non-extractable private key', async () => {
    const made = await generateKeyPairAndCsr({
      keyType: 'ECDSA-P256',
      subject: 'CN=Bruno Martin, O=Cabinet Exemple',
      extractable: false,
    });
    expect(made.privateKey.extractable).toBe(false);
    expect((await verifyCsr(made.csrPem)).subject).toBe('CN=Bruno Martin, O=Cabinet Exemple');
  });

  it('accepts CSRs made by openssl (ECDSA P-384 / SHA-384, RSA-2048 / SHA-256)', async () => {
    const p384 = opensslCsr(
      'p384',
      ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
      ['-sha384'],
    );
    expect(await verifyCsr(p384)).toMatchObject({ keyType: 'ECDSA-P384', subject: 'CN=x' });
    const rsa = opensslCsr('rsa2048', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
    expect((await verifyCsr(rsa)).keyType).toBe('RSA-2048');
    // The label older tools write is accepted too.
    const legacy = rsa.replaceAll('CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST');
    expect((await verifyCsr(legacy)).keyType).toBe('RSA-2048');
  });
});

describe('verifyCsr refusals', () => {
  it('refuses a CSR whose signature was tampered with (CSR_BAD_SIGNATURE)', async () => {
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const tampered = flipOctet(csrPem, -1); // last octet of the ECDSA signature's s
    openssl.write('tampered.csr', tampered);
    const result = openssl.run(['req', '-in', 'tampered.csr', '-verify', '-noout']);
    expect(result.output).not.toContain('self-signature verify OK');
    expect(await codeOf(verifyCsr(tampered))).toBe('CSR_BAD_SIGNATURE');
  });

  it('refuses a CSR whose subject was changed after signing (CSR_BAD_SIGNATURE)', async () => {
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'RSA-2048' });
    const der = decodeSinglePem(csrPem, ['CERTIFICATE REQUEST'])!;
    const changed = flipOctet(csrPem, der.indexOf(Buffer.from('Passerelle')));
    expect(await codeOf(verifyCsr(changed))).toBe('CSR_BAD_SIGNATURE');
  });

  it('refuses an RSA-1024 CSR made by openssl req -newkey (KEY_REJECTED)', async () => {
    openssl.ok(
      ['req', '-new', '-newkey', 'rsa:1024', '-nodes', '-subj', '/CN=x'].concat([
        '-keyout',
        'rsa1024.key',
        '-out',
        'rsa1024.csr',
      ]),
    );
    const error = await verifyCsr(openssl.read('rsa1024.csr')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PkiError);
    expect(error).toMatchObject({
      code: 'KEY_REJECTED',
      message:
        'Type de clé refusé : ECDSA P-256/P-384 ou RSA 2048, 3072 ou 4096 bits (exposant 65537).',
    });
  });

  it.each([
    ['Ed25519', ['-algorithm', 'ED25519']],
    [
      'RSA-2048 with e = 3',
      ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-pkeyopt', 'rsa_keygen_pubexp:3'],
    ],
    ['ECDSA P-521', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521']],
  ])('refuses an openssl %s CSR (KEY_REJECTED)', async (name, genpkey) => {
    const csr = opensslCsr(name.replace(/\W/g, ''), genpkey);
    expect(await codeOf(verifyCsr(csr))).toBe('KEY_REJECTED');
  });

  it.each([
    ['ECDSA with SHA-1', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['-sha1']],
    [
      'RSA-PSS padding',
      ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
      ['-sigopt', 'rsa_padding_mode:pss'],
    ],
  ])('refuses a CSR signed with %s (CSR_BAD_SIGNATURE)', async (name, genpkey, reqOptions) => {
    const csr = opensslCsr(name.replace(/\W/g, ''), genpkey, reqOptions);
    expect(
      openssl.ok(['req', '-in', `${name.replace(/\W/g, '')}.csr`, '-verify', '-noout']),
    ).toContain('verify OK');
    expect(await codeOf(verifyCsr(csr))).toBe('CSR_BAD_SIGNATURE');
  });

  it('refuses what is not one PEM certificate request (CSR_MALFORMED)', async () => {
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const der = decodeSinglePem(csrPem, ['CERTIFICATE REQUEST'])!;
    const body = csrPem.split('\n').slice(1, -2).join('\n');
    const cases = [
      '',
      'bonjour',
      csrPem.replaceAll('CERTIFICATE REQUEST', 'CERTIFICATE'),
      csrPem + csrPem,
      `-----BEGIN CERTIFICATE REQUEST-----\n${body}\n-----END CERTIFICATE-----\n`,
      `-----BEGIN CERTIFICATE REQUEST-----\n${body}!\n-----END CERTIFICATE REQUEST-----\n`,
      encodePem(Buffer.concat([der, Buffer.from([0])]), 'CERTIFICATE REQUEST'),
      encodePem(Buffer.from('3003020101', 'hex'), 'CERTIFICATE REQUEST'),
    ];
    // A well-formed, correctly signed request, refused for its size alone.
    const huge = await generateKeyPairAndCsr({
      keyType: 'ECDSA-P256',
      subject: `CN=x, OU=${'a'.repeat(12_500)}`,
    });
    expect(huge.csrPem.length).toBeGreaterThan(16 * 1024);
    cases.push(huge.csrPem);
    for (const text of cases) {
      const error = await verifyCsr(text).catch((e: unknown) => e);
      expect(error, text.slice(0, 80)).toMatchObject({
        code: 'CSR_MALFORMED',
        message: 'La demande de certificat (CSR) est illisible.',
      });
    }
  });
});
