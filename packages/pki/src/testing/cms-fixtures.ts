// Test support for the CMS tests: a CA and holders of each key type, made with this
// package's own issuance code (the same path as the partner's), and messages signed by openssl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CreatedCertificateAuthority,
  type LoadedCertificateAuthority,
} from '../ca/certificate-authority';
import { exportPkcs8 } from '../keys/certificate-key';
import { verifyCsr } from '../ca/csr';
import { issueCertificate } from '../ca/issue-certificate';
import { generateKeyPairAndCsr, type GeneratedKeyType } from '../keys/key-pair';
import type { OpensslFolder } from './openssl';

/** A test CA, stored (PEM + PKCS#8) and loaded. */
export interface TestCa {
  stored: CreatedCertificateAuthority;
  loaded: LoadedCertificateAuthority;
}

/** A key and the certificate a test CA issued for it. */
export interface TestHolder {
  privateKeyPkcs8: Buffer;
  certificatePem: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
}

/** Creates and loads a CA valid from `now` (default: the clock) for 10 years. */
export async function createTestCa(commonName = 'CA Test', now?: Date): Promise<TestCa> {
  const stored = await createCertificateAuthority({
    commonName,
    organization: 'Partenaire EDI',
    ...(now ? { now } : {}),
  });
  return { stored, loaded: await loadCertificateAuthority(stored) };
}

/** A user signature certificate (EKU emailProtection) of `keyType`, issued by `ca`. */
export async function createTestHolder(
  ca: TestCa,
  keyType: GeneratedKeyType,
  options: { now?: Date; validityMonths?: number; serialHex?: string } = {},
): Promise<TestHolder> {
  const { csrPem, privateKey } = await generateKeyPairAndCsr({ keyType });
  const issued = await issueCertificate({
    ca: ca.loaded,
    csrPublicKey: (await verifyCsr(csrPem)).publicKey,
    holder: { firstName: 'Anne', lastName: 'Durand', email: 'anne.durand@cabinet.fr' },
    organization: 'Cabinet Durand',
    validityMonths: options.validityMonths ?? 24,
    crlUrl: 'https://partenaire.example/api/v1/crl',
    ...(options.now ? { now: options.now } : {}),
    ...(options.serialHex ? { serialHex: options.serialHex } : {}),
  });
  return { privateKeyPkcs8: await exportPkcs8(privateKey), ...issued };
}

/**
 * `openssl cms -sign -binary -md sha256 -outform DER` of `content` by `holders` (one
 * SignerInfo each), `-nodetach` unless `flags` say otherwise; returns the DER.
 */
export function opensslCmsSign(
  openssl: OpensslFolder,
  name: string,
  content: Uint8Array,
  holders: readonly TestHolder[],
  flags: readonly string[] = ['-nodetach', '-cades'],
): Buffer {
  const signers = holders.flatMap((holder, index) => {
    openssl.write(`${name}-${index}.crt`, holder.certificatePem);
    openssl.write(`${name}-${index}.der`, holder.privateKeyPkcs8);
    openssl.ok([
      'pkey',
      '-inform',
      'DER',
      '-in',
      `${name}-${index}.der`,
      '-out',
      `${name}-${index}.key`,
    ]);
    return ['-signer', `${name}-${index}.crt`, '-inkey', `${name}-${index}.key`];
  });
  openssl.write(`${name}.in`, content);
  openssl.ok([
    'cms',
    '-sign',
    '-binary',
    '-md',
    'sha256',
    '-outform',
    'DER',
    '-in',
    `${name}.in`,
    ...signers,
    ...flags,
    '-out',
    `${name}.p7m`,
  ]);
  return readFileSync(join(openssl.dir, `${name}.p7m`));
}
