import type { Kysely } from 'kysely';
import {
  certificateInfo,
  createCmsSigner,
  hasReceiptSignerUsages,
  issueReceiptSignerCertificate,
  type LoadedCertificateAuthority,
} from '@passerelle/pki';
import { openSecret, sealSecret, type Keyring } from '@passerelle/server-kit';
import type { PartnerDatabase } from '../db/schema';
import { findCaKey, insertCaKeyIfAbsent, replaceCaKey } from './ca-keys.repository';

/** The `ca_keys` row of the receipt certificate (the CA's own row is `current`). */
const ROW_ID = 'receipts';
const sealContext = `ca-key:${ROW_ID}`;
/** Months a receipt certificate lives; a new one is issued 30 days before the end. */
const VALIDITY_MONTHS = 24;
const RENEW_BEFORE_MS = 30 * 24 * 3_600_000;

/** What the partner signs its deposit receipts with. */
export interface ReceiptSigner {
  /** PEM of the receipt certificate in use (issued by the partner's CA, EKU receipt signer). */
  readonly certificatePem: string;
  /** A CMS SignedData (DER) of `content`, the receipt certificate included. */
  sign(content: Uint8Array, signingTime: Date): Promise<Buffer>;
}

interface Loaded {
  certificatePem: string;
  notAfter: Date;
  sign(content: Uint8Array, signingTime: Date): Promise<Buffer>;
}

type Db = Kysely<PartnerDatabase>;

/**
 * Issues a receipt certificate and stores it with its key sealed under the master key. The
 * write is conditional on the row the caller saw (none, or the old certificate), so two
 * instances renewing at once keep one certificate and both load it.
 */
async function issueAndStore(
  db: Db,
  keyring: Keyring,
  ca: LoadedCertificateAuthority,
  partnerName: string,
  now: Date,
  previousPem: string | undefined,
): Promise<void> {
  const issued = await issueReceiptSignerCertificate({
    ca,
    commonName: `${partnerName} — Accusés de réception`,
    organization: partnerName,
    now,
    validityMonths: VALIDITY_MONTHS,
  });
  try {
    const key = {
      certificatePem: issued.certificatePem,
      privateKeySealed: sealSecret(keyring, issued.privateKeyPkcs8, sealContext),
    };
    if (previousPem === undefined) await insertCaKeyIfAbsent(db, ROW_ID, key, now);
    else await replaceCaKey(db, ROW_ID, previousPem, key, now);
  } finally {
    issued.privateKeyPkcs8.fill(0);
  }
}

/**
 * Loads the stored receipt certificate, issuing or replacing it first when needed: none yet, in
 * its last 30 days, or issued before receipt certificates carried emailProtection (OpenSSL's
 * default check refuses its receipts). Declarants pin the CA, not this certificate, so a new
 * one is trusted at once; receipts signed by the old one stay valid evidence.
 */
async function loadCurrent(
  db: Db,
  keyring: Keyring,
  ca: LoadedCertificateAuthority,
  partnerName: string,
  now: Date,
): Promise<Loaded> {
  let row = await findCaKey(db, ROW_ID);
  const replace = (pem: string) =>
    certificateInfo(pem).notAfter.getTime() - now.getTime() < RENEW_BEFORE_MS ||
    !hasReceiptSignerUsages(pem);
  if (!row || replace(row.certificate_pem)) {
    await issueAndStore(db, keyring, ca, partnerName, now, row?.certificate_pem);
    row = await findCaKey(db, ROW_ID);
  }
  if (!row) throw new Error('receipt certificate missing after its creation');
  const privateKeyPkcs8 = openSecret(keyring, row.private_key_sealed, sealContext);
  try {
    const signer = await createCmsSigner({
      privateKeyPkcs8,
      certificatePem: row.certificate_pem,
    });
    return {
      certificatePem: row.certificate_pem,
      notAfter: certificateInfo(row.certificate_pem).notAfter,
      sign: (content, signingTime) => signer.sign(content, signingTime),
    };
  } finally {
    privateKeyPkcs8.fill(0);
  }
}

/**
 * The partner's receipt signer, loaded at start (created on the first, replaced when stored
 * without emailProtection). A process that runs into the last 30 days of the certificate loads
 * (or issues) the next one before signing.
 */
export async function loadOrCreateReceiptSigner(
  db: Db,
  keyring: Keyring,
  ca: LoadedCertificateAuthority,
  partnerName: string,
  now: () => Date,
): Promise<ReceiptSigner> {
  let current = await loadCurrent(db, keyring, ca, partnerName, now());
  let renewing: Promise<Loaded> | undefined;
  return {
    get certificatePem() {
      return current.certificatePem;
    },
    async sign(content, signingTime) {
      if (current.notAfter.getTime() - signingTime.getTime() < RENEW_BEFORE_MS) {
        renewing ??= loadCurrent(db, keyring, ca, partnerName, signingTime).finally(() => {
          renewing = undefined;
        });
        current = await renewing;
      }
      return current.sign(content, signingTime);
    },
  };
}
