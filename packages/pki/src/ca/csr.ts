import { defaultCrypto } from '../engine'; // first: loads reflect-metadata before x509
import type { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import { decodeSinglePem } from '../pem';
import { checkPublicKey, type KeyType } from '../keys/key-policy';
import { PkiError } from '../pki-error';

/** What a valid certificate request proves: its holder owns the private key of `publicKey`. */
export interface VerifiedCsr {
  publicKey: x509.PublicKey;
  /** The requested subject, as text; informative only, certificates get their own subject. */
  subject: string;
  keyType: KeyType;
}

/** CSR signature algorithms by key family: SHA-256/384/512 only (no MD5/SHA-1, no RSA-PSS). */
const SIGNATURE_ALGORITHMS: Readonly<Record<'ECDSA' | 'RSA', readonly string[]>> = {
  ECDSA: ['1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4'],
  RSA: ['1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13'],
};

/** The signatureAlgorithm OID of a DER CertificationRequest (RFC 2986 §4.2). */
function signatureAlgorithmOid(der: Buffer): string | undefined {
  const { result } = asn1js.fromBER(der);
  const algorithm = result instanceof asn1js.Sequence ? result.valueBlock.value[1] : undefined;
  const oid = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value[0] : undefined;
  return oid instanceof asn1js.ObjectIdentifier ? oid.getValue() : undefined;
}

function parseCsr(pem: string): { csr: x509.Pkcs10CertificateRequest; der: Buffer } {
  const der = decodeSinglePem(pem, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
  if (!der) throw new PkiError('CSR_MALFORMED');
  try {
    const csr = new x509.Pkcs10CertificateRequest(der);
    // Touch the lazily decoded parts now, so that a broken one is reported as malformed.
    void csr.subject;
    void csr.publicKey.rawData;
    return { csr, der };
  } catch (cause) {
    throw new PkiError('CSR_MALFORMED', { cause });
  }
}

/**
 * Parses a PEM PKCS#10 request and checks, in this order: its form (CSR_MALFORMED, also for
 * more than 16 KiB), its key against the policy (KEY_REJECTED), and its self-signature, the
 * proof of possession, made with SHA-256/384/512 (CSR_BAD_SIGNATURE).
 */
export async function verifyCsr(
  pem: string,
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<VerifiedCsr> {
  const { csr, der } = parseCsr(pem);
  const keyType = checkPublicKey(csr.publicKey);
  const family = keyType.startsWith('ECDSA') ? 'ECDSA' : 'RSA';
  if (!SIGNATURE_ALGORITHMS[family].includes(signatureAlgorithmOid(der) ?? '')) {
    throw new PkiError('CSR_BAD_SIGNATURE');
  }
  let valid: boolean;
  try {
    valid = await csr.verify(crypto);
  } catch (cause) {
    throw new PkiError('CSR_BAD_SIGNATURE', { cause });
  }
  if (!valid) throw new PkiError('CSR_BAD_SIGNATURE');
  return { publicKey: csr.publicKey, subject: csr.subject, keyType };
}
