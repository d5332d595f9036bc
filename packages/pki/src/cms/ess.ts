// ESS signing-certificate attributes (RFC 5035 SigningCertificateV2, RFC 2634 SigningCertificate):
// the signer binds, under its signature, the hash of the very certificate it signs with, so a
// certificate for the same key cannot be swapped in. Read as OpenSSL's `cms -verify -cades`
// reads them, and stricter: exactly one ESSCertID, naming the signer, and no policies.
import { createHash } from 'node:crypto';
import type { Certificate } from '../der/certificate';
import { DerError, expectTag, TAG, type DerNode } from '../der/der';
import { CMS_OID, DIGEST_NAMES } from '../der/oids';
import { algorithmOf, hasNoParameters } from './read';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** IssuerSerial { issuer GeneralNames (one directoryName), serialNumber } naming `signer`. */
function namesSigner(issuerSerial: DerNode, signer: Certificate): boolean {
  const [generalNames, serial, ...rest] = expectTag(issuerSerial, TAG.sequence).children;
  const names = expectTag(generalNames, TAG.sequence).children;
  const directoryName = names.length === 1 ? expectTag(names[0], TAG.context(4)) : undefined;
  return (
    rest.length === 0 &&
    directoryName?.children.length === 1 &&
    sameBytes(directoryName.children[0]?.bytes ?? new Uint8Array(), signer.issuer) &&
    sameBytes(expectTag(serial, TAG.integer).bytes, signer.serial)
  );
}

/**
 * True when the attribute value — SigningCertificateV2 (`version` 2: ESSCertIDv2 with a hash
 * algorithm, SHA-256 by default) or SigningCertificate (1: ESSCertID, SHA-1) — holds exactly one
 * certificate id, that of `signer`, and no policies. A malformed value throws a DerError.
 */
export function bindsSigner(value: DerNode, signer: Certificate, version: 1 | 2): boolean {
  const [certs, ...policies] = expectTag(value, TAG.sequence).children;
  const ids = expectTag(certs, TAG.sequence).children;
  // Policies would restrict how the certificate may be used: we do not evaluate them. Further
  // ids would name chain certificates, which OpenSSL -cades then looks for: we name none.
  if (policies.length > 0 || ids.length !== 1) return false;
  const fields = [...expectTag(ids[0], TAG.sequence).children];
  let digest: 'sha1' | (typeof DIGEST_NAMES)[string] = 'sha1';
  if (version === 2) {
    const algorithm =
      fields[0]?.tag === TAG.sequence
        ? algorithmOf(fields.shift())
        : { oid: CMS_OID.sha256, parameters: undefined };
    const named = DIGEST_NAMES[algorithm.oid];
    if (!named || !hasNoParameters(algorithm)) return false;
    digest = named;
  }
  const certHash = expectTag(fields.shift(), TAG.octetString).value;
  const issuerSerial = fields.shift();
  if (fields.length > 0) throw new DerError('bad ESSCertID');
  const expected =
    digest === 'sha256' ? signer.sha256 : createHash(digest).update(signer.der).digest();
  if (!sameBytes(certHash, expected)) return false;
  return !issuerSerial || namesSigner(issuerSerial, signer);
}
