// Shared by the deposit and DGFiP tests: certificates issued by the partner itself, signed
// deposits, real INFENT-DF interchanges, and the openssl command line.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { webcrypto } from 'node:crypto';
import {
  createCertificateAuthority,
  createCmsSigner,
  generateKeyPairAndCsr,
  issueCertificate,
  loadCertificateAuthority,
  verifyCsr,
  type CmsSigner,
} from '@passerelle/pki';
import {
  loadDictionary,
  writeInfentInterchange,
  type Declaration,
  type InfentEnvelope,
} from '@passerelle/tdfc';
import { readFixture } from '@passerelle/tdfc/testing';
import type { TestPartner } from './test-partner';
import { DEPOSIT_MEDIA_TYPE } from '../deposits/deposits.routes';

export const HOLDER = {
  firstName: 'Bruno',
  lastName: 'Martin',
  email: 'bruno.martin@cabinet-exemple.fr',
};

/** A certificate the partner issued to an account, and a CMS signer with its key. */
export interface TestSigner {
  serial: string;
  certificatePem: string;
  signer: CmsSigner;
  /** Signs `content` at the test clock's time (or `at`). */
  sign(content: Uint8Array, at?: Date): Promise<Buffer>;
}

/** Issues a certificate through the partner's own API (CSR + confidential code) and loads it. */
export async function issueTestSigner(
  t: TestPartner,
  token: string,
  code: string,
  validityMonths = 12,
): Promise<TestSigner> {
  const { csrPem, privateKey } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
  const issued = await t.call('POST', '/api/v1/signatures', {
    token,
    body: { csrPem, confidentialCode: code, validityMonths, holder: HOLDER },
  });
  if (issued.statusCode !== 201) throw new Error(`issue: ${issued.body}`);
  const { signature, certificatePem } = issued.json<{
    signature: { serial: string };
    certificatePem: string;
  }>();
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', privateKey));
  const signer = await createCmsSigner({ privateKeyPkcs8: pkcs8, certificatePem });
  pkcs8.fill(0);
  return {
    serial: signature.serial,
    certificatePem,
    signer,
    sign: (content, at) => signer.sign(content, at ?? t.clock.now()),
  };
}

/**
 * A certificate from another CA that copies this partner's name and even one of its serials:
 * only the chain tells it apart.
 */
export async function foreignCaSigner(
  t: TestPartner,
  serialHex?: string,
): Promise<{ sign(content: Uint8Array): Promise<Buffer> }> {
  const created = await createCertificateAuthority({
    commonName: `${t.ctx.config.partnerName} — Autorité de certification`,
    organization: t.ctx.config.partnerName,
    now: t.clock.now(),
  });
  const ca = await loadCertificateAuthority(created);
  const { csrPem, privateKey } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
  const csr = await verifyCsr(csrPem);
  const issued = await issueCertificate({
    ca,
    csrPublicKey: csr.publicKey,
    holder: HOLDER,
    organization: 'Cabinet Exemple',
    validityMonths: 12,
    crlUrl: 'http://autre.test/crl',
    now: t.clock.now(),
    ...(serialHex ? { serialHex } : {}),
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', privateKey));
  const signer = await createCmsSigner({
    privateKeyPkcs8: pkcs8,
    certificatePem: issued.certificatePem,
  });
  return { sign: (content) => signer.sign(content, t.clock.now()) };
}

/** A verified client account with an API session and one certificate. */
export interface DepositAccount {
  token: string;
  code: string;
  signer: TestSigner;
}

/** Creates an account (the default one, or with these overrides), signs in, issues a certificate. */
export async function createDepositAccount(
  t: TestPartner,
  overrides: { adminEmail?: string; firmName?: string } = {},
): Promise<DepositAccount> {
  const { code } = await t.createVerifiedAccount(overrides);
  const { accessToken } = await t.signIn(overrides.adminEmail);
  return { token: accessToken, code, signer: await issueTestSigner(t, accessToken, code) };
}

const dictionary = loadDictionary('2025');

/** An INFENT-DF interchange of the fixture declarations (the simplified liasse by default). */
export function infentInterchange(
  options: {
    test?: boolean;
    declarations?: Declaration[];
    partnerNumber?: string;
    reference?: string;
  } = {},
): Uint8Array {
  const envelope: InfentEnvelope = {
    firm: { siret: '73282932000074', name: 'CABINET EXEMPLE' },
    partner: { number: options.partnerNumber ?? '9990001' },
    controlReference: options.reference ?? 'REF0000000001',
    preparedAt: new Date('2026-03-02T08:00:00Z'),
    test: options.test ?? false,
    software: { editor: 'PASSERELLE', name: 'PASSERELLE', version: '0.1.0' },
    attestation: 'SANS-ATTESTATION',
  };
  return writeInfentInterchange(
    dictionary,
    options.declarations ?? [readFixture('liasseSimplifiee')],
    envelope,
  );
}

/** `POST /api/v1/deposits` with a raw body; a fresh Idempotency-Key unless given (null: none). */
export function postDeposit(
  t: TestPartner,
  token: string,
  body: Uint8Array,
  key: string | null = randomUUID(),
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/deposits',
    headers: {
      'content-type': DEPOSIT_MEDIA_TYPE,
      authorization: `Bearer ${token}`,
      ...(key === null ? {} : { 'idempotency-key': key }),
    },
    payload: Buffer.from(body),
  });
}

/** Runs the openssl CLI in `dir`; what it printed, prefixed by FAILED on a non-zero exit. */
export function openssl(args: string[], dir: string): string {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return `${run.status === 0 ? '' : 'FAILED '}${run.stdout}${run.stderr}`;
}
