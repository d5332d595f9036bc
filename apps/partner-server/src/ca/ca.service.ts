import type { Kysely } from 'kysely';
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type LoadedCertificateAuthority,
} from '@passerelle/pki';
import { openSecret, sealSecret, type Keyring } from '@passerelle/server-kit';
import type { PartnerDatabase } from '../db/schema';
import { findCaKey, insertCaKeyIfAbsent } from './ca-keys.repository';

/** The partner's certificate authority, loaded at start; its private key stays in memory only. */
export type CertificateAuthority = LoadedCertificateAuthority;

const CA_ROW_ID = 'current';
const sealContext = `ca-key:${CA_ROW_ID}`;

/**
 * Loads the CA, creating it on first start: an ECDSA P-256 key and a self-signed certificate,
 * the private key sealed under the master key before it touches the database. Two instances
 * starting at once both try; the row's fixed id lets only the first insert win, and both load it.
 */
export async function loadOrCreateCa(
  db: Kysely<PartnerDatabase>,
  keyring: Keyring,
  partnerName: string,
  now: Date,
): Promise<CertificateAuthority> {
  let row = await findCaKey(db, CA_ROW_ID);
  if (!row) {
    const created = await createCertificateAuthority({
      commonName: `${partnerName} — Autorité de certification`,
      organization: partnerName,
      now,
    });
    await insertCaKeyIfAbsent(
      db,
      CA_ROW_ID,
      {
        certificatePem: created.certificatePem,
        privateKeySealed: sealSecret(keyring, created.privateKeyPkcs8, sealContext),
      },
      now,
    );
    created.privateKeyPkcs8.fill(0);
    row = await findCaKey(db, CA_ROW_ID);
    if (!row) throw new Error('CA missing after its creation');
  }
  const privateKeyPkcs8 = openSecret(keyring, row.private_key_sealed, sealContext);
  try {
    return await loadCertificateAuthority({ certificatePem: row.certificate_pem, privateKeyPkcs8 });
  } finally {
    privateKeyPkcs8.fill(0);
  }
}
