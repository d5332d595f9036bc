// The one reader of X.509 certificates in this package: the fields that CMS signing and
// verification, the CA's checks and the callers need, read once — the exact DER (hashed into
// signingCertificateV2), issuer, subject and serial as encoded (the SignerInfo's sid, the
// subject check after issuance), validity, key usages, the public key (decoded and checked by
// OpenSSL) and what is needed to check the issuer's signature. Node's X509Certificate is not
// used to read them: building one cost more than the whole rest of a verification (measured,
// bench/cms-sign-verify.ts); it only checks, once per distinct certificate (the cache), that
// OpenSSL's decoder reads it too (see openSslDecoded), and gives the names as text.
import { createHash, createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { DerError, expectTag, integerValue, oidValue, parseDer, TAG, type DerNode } from './der';
import { CMS_OID, SIGNATURE_ALGORITHMS } from './oids';
import { timeValue } from './time';
import { decodeSinglePem } from '../pem';
import { PkiError } from '../pki-error';

/** KeyUsage bits (RFC 5280 §4.2.1.3), as the first octet of the BIT STRING holds them. */
export const KEY_USAGE_BIT = {
  digitalSignature: 0x80,
  nonRepudiation: 0x40,
  keyCertSign: 0x04,
} as const;

/** Extensions this package understands; any other one marked critical makes a cert unusable. */
const KNOWN_EXTENSIONS = new Set([
  CMS_OID.keyUsage,
  CMS_OID.basicConstraints,
  CMS_OID.extKeyUsage,
  CMS_OID.subjectKeyIdentifier,
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.17', // subjectAltName
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies
]);

/** A certificate with the fields CMS needs; immutable, so that it can be cached. */
export interface Certificate {
  readonly der: Uint8Array;
  /** SHA-256 of `der`. */
  readonly sha256: Buffer;
  readonly publicKey: KeyObject;
  /** The SubjectPublicKeyInfo element, exactly as encoded. */
  readonly spki: Uint8Array;
  /** The issuer and subject Name elements, exactly as encoded. */
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  /** The names as OpenSSL prints them, one `TYPE=value` per line (`CN=Anne Durand\nC=FR`). */
  readonly issuerText: string;
  readonly subjectText: string;
  /** The serial INTEGER element, exactly as encoded. */
  readonly serial: Uint8Array;
  /** Lower-case hex, as `certificateInfo().serialHex` gives it. */
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** First octet of the KeyUsage bits, undefined when the extension is absent. */
  readonly keyUsage: number | undefined;
  /** The EKU purposes, undefined when the extension is absent. */
  readonly extendedKeyUsages: readonly string[] | undefined;
  readonly isCa: boolean;
  readonly subjectKeyIdentifier: Uint8Array | undefined;
  /** A critical extension this package does not understand (RFC 5280 §4.2: reject). */
  readonly hasUnknownCriticalExtension: boolean;
  /** What the issuer signed, with which algorithm, and the signature. */
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
}

interface Extension {
  critical: boolean;
  value: Uint8Array;
}

function readExtensions(node: DerNode | undefined): Map<string, Extension> {
  const extensions = new Map<string, Extension>();
  if (!node) return extensions;
  for (const extension of expectTag(node.children[0], TAG.sequence).children) {
    const [id, ...rest] = expectTag(extension, TAG.sequence).children;
    const flag = rest.length === 2 ? expectTag(rest[0], TAG.boolean) : undefined;
    if (rest.length < 1 || rest.length > 2) throw new DerError('bad extension');
    const oid = oidValue(id);
    if (extensions.has(oid)) throw new DerError('duplicate extension');
    const value = expectTag(rest[rest.length - 1], TAG.octetString).value;
    extensions.set(oid, { critical: flag !== undefined && flag.value[0] !== 0, value });
  }
  return extensions;
}

function keyUsageOf(extension: Extension | undefined): number | undefined {
  if (!extension) return undefined;
  const bits = expectTag(parseDer(extension.value), TAG.bitString).value;
  if (bits.length < 2) throw new DerError('empty key usage');
  return bits[1] ?? 0;
}

function extendedKeyUsagesOf(extension: Extension | undefined): string[] | undefined {
  if (!extension) return undefined;
  const purposes = expectTag(parseDer(extension.value), TAG.sequence).children;
  return purposes.map((purpose) => oidValue(purpose));
}

function isCaOf(extension: Extension | undefined): boolean {
  if (!extension) return false;
  const first = expectTag(parseDer(extension.value), TAG.sequence).children[0];
  return first?.tag === TAG.boolean && first.value[0] !== 0;
}

/** Lower-case hex of a positive INTEGER's magnitude, whole octets (OpenSSL's form). */
function serialHexOf(serialNode: DerNode): string {
  const value = integerValue(serialNode);
  if ((value[0] ?? 0) >= 0x80) throw new DerError('negative serial');
  const magnitude = value[0] === 0 && value.length > 1 ? value.subarray(1) : value;
  return Buffer.from(magnitude).toString('hex');
}

function publicKeyOf(spki: Uint8Array): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new DerError('unreadable public key', { cause });
  }
}

/**
 * OpenSSL decodes every certificate of a CMS message, whether it uses it or not, and refuses
 * the message when one does not decode — e.g. a name whose string it cannot convert, which
 * this reader never looks into. Its decoder (node's X509Certificate is OpenSSL's d2i_X509) is
 * the only sure way to be as strict; the cache makes it once per certificate.
 */
function openSslDecoded(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch (cause) {
    throw new DerError('a certificate OpenSSL does not decode', { cause });
  }
}

function parseCertificate(der: Uint8Array): Certificate {
  const [tbs, signatureAlgorithm, signature, ...extra] = expectTag(
    parseDer(der),
    TAG.sequence,
  ).children;
  if (extra.length > 0) throw new DerError('bad certificate');
  const tbsNode = expectTag(tbs, TAG.sequence);
  // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki,
  // then optional [1] [2] unique ids and [3] extensions.
  const fields =
    tbsNode.children[0]?.tag === TAG.context(0) ? tbsNode.children.slice(1) : tbsNode.children;
  const [serialNode, innerAlgorithm, issuerNode, validityNode, subjectNode, spkiNode] = fields;
  const serial = expectTag(serialNode, TAG.integer);
  const algorithm = expectTag(signatureAlgorithm, TAG.sequence);
  // RFC 5280 §4.1.1.2: the signed and the outer algorithm must be identical.
  if (Buffer.compare(expectTag(innerAlgorithm, TAG.sequence).bytes, algorithm.bytes) !== 0) {
    throw new DerError('signature algorithm mismatch');
  }
  const signatureBits = expectTag(signature, TAG.bitString).value;
  if (signatureBits[0] !== 0) throw new DerError('signature with unused bits');
  const validity = expectTag(validityNode, TAG.sequence).children;
  const spki = expectTag(spkiNode, TAG.sequence).bytes;
  const extensions = readExtensions(fields.find((field) => field.tag === TAG.context(3)));
  const ski = extensions.get(CMS_OID.subjectKeyIdentifier);
  const decoded = openSslDecoded(der);
  return Object.freeze({
    der,
    sha256: createHash('sha256').update(der).digest(),
    publicKey: publicKeyOf(spki),
    spki,
    issuer: expectTag(issuerNode, TAG.sequence).bytes,
    subject: expectTag(subjectNode, TAG.sequence).bytes,
    issuerText: decoded.issuer,
    subjectText: decoded.subject,
    serial: serial.bytes,
    serialHex: serialHexOf(serial),
    notBefore: timeValue(validity[0]),
    notAfter: timeValue(validity[1]),
    keyUsage: keyUsageOf(extensions.get(CMS_OID.keyUsage)),
    extendedKeyUsages: extendedKeyUsagesOf(extensions.get(CMS_OID.extKeyUsage)),
    isCa: isCaOf(extensions.get(CMS_OID.basicConstraints)),
    subjectKeyIdentifier: ski ? expectTag(parseDer(ski.value), TAG.octetString).value : undefined,
    hasUnknownCriticalExtension: [...extensions].some(
      ([oid, { critical }]) => critical && !KNOWN_EXTENSIONS.has(oid),
    ),
    tbs: expectTag(tbs, TAG.sequence).bytes,
    signatureAlgorithm: oidValue(algorithm.children[0]),
    signature: signatureBits.subarray(1),
  });
}

/** Parsed certificates by SHA-256 of their DER: a batch or a partner sees the same few. */
const CACHE_SIZE = 256;
const cache = new Map<string, Certificate>();

/**
 * Reads a DER certificate; throws a DerError when it is not one. Results are cached by
 * content (SHA-256), so a signer's certificate is parsed once however many messages name it.
 */
export function readCertificate(der: Uint8Array): Certificate {
  const key = createHash('sha256').update(der).digest('base64');
  const cached = cache.get(key);
  if (cached) return cached;
  const certificate = parseCertificate(Uint8Array.from(der)); // a copy: the cache outlives `der`
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, certificate);
  return certificate;
}

/** Reads a one-certificate PEM given by a caller (CERTIFICATE_MALFORMED when it is not one). */
export function readCertificatePem(pem: string): Certificate {
  const der = decodeSinglePem(pem, ['CERTIFICATE']);
  if (!der) throw new PkiError('CERTIFICATE_MALFORMED');
  try {
    return readCertificate(der);
  } catch (cause) {
    if (cause instanceof DerError) throw new PkiError('CERTIFICATE_MALFORMED', { cause });
    throw cause;
  }
}

/**
 * True when `issuer` is a CA that signed `certificate`: names match, the issuer is a CA
 * allowed to sign certificates, and the signature verifies with the issuer's public key.
 */
export function isIssuedBy(certificate: Certificate, issuer: Certificate): boolean {
  const algorithm = SIGNATURE_ALGORITHMS[certificate.signatureAlgorithm];
  const issuerMayCertify =
    issuer.isCa &&
    (issuer.keyUsage === undefined || (issuer.keyUsage & KEY_USAGE_BIT.keyCertSign) !== 0);
  if (!algorithm?.digest || !issuerMayCertify) return false;
  if (Buffer.compare(certificate.issuer, issuer.subject) !== 0) return false;
  if (issuer.publicKey.asymmetricKeyType !== algorithm.keyType) return false;
  try {
    return verify(algorithm.digest, certificate.tbs, issuer.publicKey, certificate.signature);
  } catch {
    return false;
  }
}
