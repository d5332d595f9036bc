// The fields of an X.509 certificate that CMS signing and verification need, read once: the
// exact DER (hashed into signingCertificateV2), issuer and serial as encoded (the SignerInfo's
// sid), validity, key usages and the public key. OpenSSL (node:crypto) parses and checks the
// whole certificate; the DER reader only picks fields out of it.
import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import {
  DerError,
  expectTag,
  integerValue,
  oidValue,
  parseDer,
  TAG,
  type DerNode,
} from './cms-der';
import { CMS_OID } from './cms-oids';
import { timeValue } from './cms-time';

/** KeyUsage bits (RFC 5280 §4.2.1.3), as the first octet of the BIT STRING holds them. */
export const KEY_USAGE_BIT = { digitalSignature: 0x80, nonRepudiation: 0x40 } as const;

/** A certificate with the fields CMS needs. */
export interface CmsCertificate {
  readonly der: Uint8Array;
  readonly node: X509Certificate;
  readonly publicKey: KeyObject;
  /** The issuer Name element, exactly as encoded. */
  readonly issuer: Uint8Array;
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
  /** SHA-256 of `der`. */
  readonly sha256: Buffer;
}

function readExtensions(node: DerNode | undefined): Map<string, Uint8Array> {
  const extensions = new Map<string, Uint8Array>();
  if (!node) return extensions;
  for (const extension of expectTag(node.children[0], TAG.sequence).children) {
    const [id, ...rest] = extension.children;
    const valueNode = rest[rest.length - 1];
    const oid = oidValue(id);
    if (extensions.has(oid)) throw new DerError('duplicate extension');
    extensions.set(oid, expectTag(valueNode, TAG.octetString).value);
  }
  return extensions;
}

function keyUsageOf(value: Uint8Array | undefined): number | undefined {
  if (!value) return undefined;
  const bits = expectTag(parseDer(value), TAG.bitString).value;
  return bits[1] ?? 0;
}

function extendedKeyUsagesOf(value: Uint8Array | undefined): string[] | undefined {
  if (!value) return undefined;
  return expectTag(parseDer(value), TAG.sequence).children.map((purpose) => oidValue(purpose));
}

function isCaOf(value: Uint8Array | undefined): boolean {
  if (!value) return false;
  const first = expectTag(parseDer(value), TAG.sequence).children[0];
  return first?.tag === TAG.boolean && first.value[0] !== 0;
}

/**
 * Reads a DER certificate; throws a DerError when it is not one (callers turn it into their
 * own PkiError code).
 */
export function readCmsCertificate(der: Uint8Array): CmsCertificate {
  let node: X509Certificate;
  try {
    node = new X509Certificate(der);
  } catch (cause) {
    throw new DerError('not a certificate', { cause });
  }
  const tbs = expectTag(expectTag(parseDer(der), TAG.sequence).children[0], TAG.sequence);
  // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki,
  // then optional [1] [2] unique ids and [3] extensions.
  const fields = tbs.children[0]?.tag === TAG.context(0) ? tbs.children.slice(1) : tbs.children;
  const [serialNode, , issuerNode, validityNode] = fields;
  integerValue(serialNode);
  const validity = expectTag(validityNode, TAG.sequence).children;
  const extensions = readExtensions(fields.find((field) => field.tag === TAG.context(3)));
  const ski = extensions.get(CMS_OID.subjectKeyIdentifier);
  return {
    der,
    node,
    publicKey: node.publicKey,
    issuer: expectTag(issuerNode, TAG.sequence).bytes,
    serial: (serialNode as DerNode).bytes,
    serialHex: node.serialNumber.toLowerCase(),
    notBefore: timeValue(validity[0]),
    notAfter: timeValue(validity[1]),
    keyUsage: keyUsageOf(extensions.get(CMS_OID.keyUsage)),
    extendedKeyUsages: extendedKeyUsagesOf(extensions.get(CMS_OID.extKeyUsage)),
    isCa: isCaOf(extensions.get(CMS_OID.basicConstraints)),
    subjectKeyIdentifier: ski ? expectTag(parseDer(ski), TAG.octetString).value : undefined,
    sha256: createHash('sha256').update(der).digest(),
  };
}
