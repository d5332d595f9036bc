// Step 1 of verifyCms: is this a readable ContentInfo(SignedData) with attached content and
// one SignerInfo? Everything here is structure; what the structure says is checked later.
import {
  DerError,
  expectTag,
  integerValue,
  oidValue,
  parseDer,
  smallIntegerValue,
  TAG,
  type DerNode,
} from '../der/der';
import { readCertificate, type Certificate } from '../der/certificate';
import { CMS_OID } from '../der/oids';
import { PkiError } from '../pki-error';

/** Default bound of a CMS message (a declaration interchange is far smaller). */
export const DEFAULT_CMS_MAX_BYTES = 20 * 1024 * 1024;
/** More certificates in the bag are refused: each one costs a parse. */
export const MAX_CMS_CERTIFICATES = 16;

/** An AlgorithmIdentifier: its OID and its parameters element, if any. */
export interface AlgorithmIdentifier {
  oid: string;
  parameters: DerNode | undefined;
}

/** A signed attribute: its type and its values (each a DER element). */
export interface CmsAttribute {
  oid: string;
  values: readonly DerNode[];
  /** The whole Attribute element as encoded (DER order is checked on these). */
  bytes: Uint8Array;
}

/** How the SignerInfo names its certificate (RFC 5652 §5.3 SignerIdentifier). */
export type SignerIdentifier =
  | { kind: 'issuerAndSerialNumber'; issuer: Uint8Array; serial: Uint8Array }
  | { kind: 'subjectKeyIdentifier'; keyIdentifier: Uint8Array };

/** The one SignerInfo of the message. */
export interface ReadSignerInfo {
  /** 1 (signer named by issuer and serial) or 3 (by subject key identifier). */
  version: number;
  sid: SignerIdentifier;
  digestAlgorithm: AlgorithmIdentifier;
  /** The signed attributes as signed: the [0] element re-tagged as a SET (RFC 5652 §5.4). */
  signedAttributesDer: Buffer | undefined;
  signedAttributes: readonly CmsAttribute[];
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
}

/** A structurally sound SignedData with attached content. */
export interface ReadCms {
  /** The SignedData's digestAlgorithms SET, which must announce the SignerInfo's digest. */
  digestAlgorithms: readonly AlgorithmIdentifier[];
  eContentType: string;
  content: Uint8Array;
  certificates: readonly Certificate[];
  signerInfo: ReadSignerInfo;
}

const unreadable = (cause?: unknown) => new PkiError('CMS_UNREADABLE', { cause });

/** Reads an AlgorithmIdentifier: SEQUENCE { OID, parameters OPTIONAL }. */
export function algorithmOf(node: DerNode | undefined): AlgorithmIdentifier {
  const { children } = expectTag(node, TAG.sequence);
  if (children.length < 1 || children.length > 2) throw new DerError('bad algorithm');
  return { oid: oidValue(children[0]), parameters: children[1] };
}

/** Parameters of a digest or RSA algorithm: absent or NULL (RFC 5754 §2, RFC 4055 §5). */
export function hasNoParameters(algorithm: AlgorithmIdentifier): boolean {
  const { parameters } = algorithm;
  return !parameters || (parameters.tag === TAG.null && parameters.value.length === 0);
}

function signerIdentifierOf(node: DerNode | undefined, version: number): SignerIdentifier {
  if (version === 1) {
    const [issuer, serial, ...rest] = expectTag(node, TAG.sequence).children;
    if (rest.length > 0) throw new DerError('bad sid');
    integerValue(serial);
    return {
      kind: 'issuerAndSerialNumber',
      issuer: expectTag(issuer, TAG.sequence).bytes,
      serial: (serial as DerNode).bytes,
    };
  }
  if (version === 3 && node?.tag === 0x80) {
    return { kind: 'subjectKeyIdentifier', keyIdentifier: node.value };
  }
  throw new DerError('bad sid');
}

function attributesOf(node: DerNode): CmsAttribute[] {
  return node.children.map((attribute) => {
    const [type, values, ...rest] = expectTag(attribute, TAG.sequence).children;
    if (rest.length > 0) throw new DerError('bad attribute');
    const { children } = expectTag(values, TAG.set);
    if (children.length === 0) throw new DerError('attribute without a value');
    return { oid: oidValue(type), values: children, bytes: attribute.bytes };
  });
}

function signerInfoOf(node: DerNode | undefined): ReadSignerInfo {
  const children = [...expectTag(node, TAG.sequence).children];
  const version = smallIntegerValue(children.shift());
  const sid = signerIdentifierOf(children.shift(), version);
  const digestAlgorithm = algorithmOf(children.shift());
  let signedAttributesDer: Buffer | undefined;
  let signedAttributes: CmsAttribute[] = [];
  if (children[0]?.tag === TAG.context(0)) {
    const element = children.shift() as DerNode;
    if (element.children.length === 0) throw new DerError('empty signed attributes');
    signedAttributes = attributesOf(element);
    signedAttributesDer = Buffer.from(element.bytes);
    signedAttributesDer[0] = TAG.set;
  }
  const signatureAlgorithm = algorithmOf(children.shift());
  const signature = expectTag(children.shift(), TAG.octetString).value;
  // Unsigned attributes ([1]) are refused: nothing we exchange carries any, and OpenSSL has
  // rules for them (no contentType, messageDigest… there) that we would otherwise have to keep.
  if (children.length > 0) throw new DerError('unexpected SignerInfo field');
  return {
    version,
    sid,
    digestAlgorithm,
    signedAttributesDer,
    signedAttributes,
    signatureAlgorithm,
    signature,
  };
}

function certificatesOf(node: DerNode | undefined): Certificate[] {
  if (!node) return [];
  if (node.children.length > MAX_CMS_CERTIFICATES) throw new DerError('too many certificates');
  // Only plain X.509 certificates: other CertificateChoices (attribute certificates, [3]
  // other formats) are of no use to us, and OpenSSL refuses any choice it cannot decode.
  return node.children.map((choice) => readCertificate(expectTag(choice, TAG.sequence).bytes));
}

function readStructure(der: Uint8Array): ReadCms {
  const [contentType, explicit, ...extra] = expectTag(parseDer(der), TAG.sequence).children;
  if (extra.length > 0 || oidValue(contentType) !== CMS_OID.signedData) {
    throw new DerError('not SignedData');
  }
  const signedData = expectTag(expectTag(explicit, TAG.context(0)).children[0], TAG.sequence);
  if (explicit?.children.length !== 1) throw new DerError('bad ContentInfo');
  const fields = [...signedData.children];
  const version = smallIntegerValue(fields.shift());
  const digestAlgorithms = expectTag(fields.shift(), TAG.set).children.map(algorithmOf);
  const [eContentTypeNode, eContentNode, ...encapExtra] = expectTag(
    fields.shift(),
    TAG.sequence,
  ).children;
  // No eContent: a detached signature, which this verifier does not accept.
  if (!eContentNode || encapExtra.length > 0) throw new DerError('no attached content');
  const explicitContent = expectTag(eContentNode, TAG.context(0));
  if (explicitContent.children.length !== 1) throw new DerError('bad eContent');
  const content = expectTag(explicitContent.children[0], TAG.octetString).value;
  const certificatesNode = fields[0]?.tag === TAG.context(0) ? fields.shift() : undefined;
  // No crls ([1]): revocation is the caller's (its CRL, its database), and a CRL we skipped
  // could still be one OpenSSL refuses to decode.
  const signerInfos = expectTag(fields.shift(), TAG.set).children;
  if (fields.length > 0) throw new DerError('unexpected SignedData field');
  if (signerInfos.length !== 1) throw new DerError('not exactly one SignerInfo');
  const eContentType = oidValue(eContentTypeNode);
  // Declarations and receipts are plain data; another content type is not ours to read.
  if (eContentType !== CMS_OID.data) throw new DerError('not id-data content');
  const signerInfo = signerInfoOf(signerInfos[0]);
  // RFC 5652 §5.1 for what is left (X.509 certificates only, id-data, no crls): version 3
  // exactly when the SignerInfo names its signer by key identifier (version 3), else 1.
  if (version !== (signerInfo.version === 3 ? 3 : 1)) throw new DerError('bad SignedData version');
  return {
    digestAlgorithms,
    eContentType,
    content,
    certificates: certificatesOf(certificatesNode),
    signerInfo,
  };
}

/**
 * Reads a DER ContentInfo(SignedData) of at most `maxBytes` with attached id-data content,
 * exactly one SignerInfo, X.509 certificates only, no crls and no unsigned attributes, or
 * throws CMS_UNREADABLE. The result holds views into `der`.
 */
export function readCms(der: Uint8Array, maxBytes: number = DEFAULT_CMS_MAX_BYTES): ReadCms {
  if (der.length === 0 || der.length > maxBytes) throw unreadable();
  try {
    return readStructure(der);
  } catch (cause) {
    // Only the reader's own refusals: anything else is a bug and must surface as one.
    if (cause instanceof DerError) throw unreadable(cause);
    throw cause;
  }
}
