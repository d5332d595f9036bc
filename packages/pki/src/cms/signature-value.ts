// The check of a CMS signer's signature value (RFC 5652 §5.6): ECDSA with the DER
// Ecdsa-Sig-Value CMS carries (RFC 5753 §7.2), or RSASSA-PKCS1-v1_5. OpenSSL (node:crypto)
// does the arithmetic and its own range checks; the DER shape of an ECDSA signature is
// checked here first with this package's strict reader, so that a BER or padded encoding of a
// valid (r, s) — the malleability Wycheproof's BER vectors probe — is refused whatever the
// library underneath tolerates. Tested with every Wycheproof ECDSA P-256/SHA-256 vector.
import { constants, verify, type KeyObject } from 'node:crypto';
import { DerError, expectTag, integerValue, parseDer, TAG } from '../der/der';
import type { DigestName } from '../der/oids';

/** True when `signature` is a DER SEQUENCE of exactly two positive, minimal INTEGERs. */
function isDerEcdsaSignature(signature: Uint8Array): boolean {
  try {
    const { children } = expectTag(parseDer(signature), TAG.sequence);
    if (children.length !== 2) return false;
    // integerValue refuses non-minimal encodings; a set top bit would be a negative r or s.
    return children.every((child) => (integerValue(child)[0] ?? 0) < 0x80);
  } catch (error) {
    if (error instanceof DerError) return false;
    throw error;
  }
}

/**
 * True when `signature` is `publicKey`'s signature of `data` hashed with `digest`: ECDSA
 * (DER Ecdsa-Sig-Value) for an EC key, RSASSA-PKCS1-v1_5 for an RSA key; false otherwise,
 * including for any other key type or a malformed signature.
 */
export function verifySignatureValue(
  publicKey: KeyObject,
  digest: DigestName,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const keyType = publicKey.asymmetricKeyType;
  if (keyType === 'ec' && !isDerEcdsaSignature(signature)) return false;
  if (keyType !== 'ec' && keyType !== 'rsa') return false;
  const key =
    keyType === 'rsa' ? { key: publicKey, padding: constants.RSA_PKCS1_PADDING } : publicKey;
  try {
    return verify(digest, data, key, signature);
  } catch {
    return false; // e.g. an RSA signature of the wrong length
  }
}
