// Step 2 of verifyCms (RFC 5652 §5.3–5.6 and RFC 5035): the digest algorithms, the signed
// attributes, the content digest, the signer certificate named by the sid, the signature value
// and the ESS binding of the certificate. Any failure is CMS_SIGNATURE_INVALID. Each rule is at
// least as strict as `openssl cms -verify -cades` (see the package README).
import { createHash } from 'node:crypto';
import type { Certificate } from '../der/certificate';
import { DerError, expectTag, oidValue, TAG, type DerNode } from '../der/der';
import { bindsSigner } from './ess';
import { CMS_OID, DIGEST_NAMES, SIGNATURE_ALGORITHMS, type DigestName } from '../der/oids';
import {
  hasNoParameters,
  type AlgorithmIdentifier,
  type ReadCms,
  type SignerIdentifier,
} from './read';
import { verifySignatureValue } from './signature-value';
import { timeValue } from '../der/time';
import { PkiError } from '../pki-error';

/** What a valid signature tells: who signed, and when they say they did. */
export interface CheckedSignature {
  signer: Certificate;
  signingTime: Date | null;
}

/**
 * The signed attributes understood here. Any other is refused: we cannot honour what we do not
 * read (a signature policy, a content hint…), and OpenSSL gives some types rules of its own
 * (a countersignature may never be signed). smimeCapabilities is what openssl adds by default;
 * it only states preferences, so it is accepted unread.
 */
const KNOWN_SIGNED_ATTRIBUTES: ReadonlySet<string> = new Set([
  CMS_OID.contentType,
  CMS_OID.messageDigest,
  CMS_OID.signingTime,
  CMS_OID.signingCertificate,
  CMS_OID.signingCertificateV2,
  CMS_OID.smimeCapabilities,
]);

const invalid = (cause?: unknown) => new PkiError('CMS_SIGNATURE_INVALID', { cause });

function digestOf(algorithm: AlgorithmIdentifier): DigestName {
  const name = DIGEST_NAMES[algorithm.oid];
  if (!name || !hasNoParameters(algorithm)) throw invalid();
  return name;
}

/**
 * The SignedData's digestAlgorithms: only digests we accept (OpenSSL sets up each one before
 * reading the content, and refuses one it does not know), each once, among them the
 * SignerInfo's (OpenSSL finds the signer's digest there).
 */
function checkDigestAlgorithms(cms: ReadCms): void {
  cms.digestAlgorithms.forEach(digestOf);
  const oids = cms.digestAlgorithms.map((algorithm) => algorithm.oid);
  if (new Set(oids).size !== oids.length) throw invalid();
  if (!oids.includes(cms.signerInfo.digestAlgorithm.oid)) throw invalid();
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

/**
 * The one value of each signed attribute: known types only, each once with one value, in DER
 * order (RFC 5652 §5.3: signedAttrs MUST be DER). OpenSSL keeps the order received but
 * re-encodes each attribute's values; a signer's order is refused, not guessed at.
 */
function singleValues(cms: ReadCms): Map<string, DerNode> {
  const values = new Map<string, DerNode>();
  const { signedAttributes } = cms.signerInfo;
  for (const {
    oid,
    values: [value, ...others],
  } of signedAttributes) {
    if (!KNOWN_SIGNED_ATTRIBUTES.has(oid) || values.has(oid)) throw invalid();
    if (!value || others.length > 0) throw invalid();
    values.set(oid, value);
  }
  signedAttributes.forEach((attribute, i) => {
    const previous = signedAttributes[i - 1];
    if (previous && compareBytes(previous.bytes, attribute.bytes) > 0) throw invalid();
  });
  return values;
}

/**
 * The one certificate of the bag the sid names. OpenSSL takes the first certificate whose issuer
 * compares equal after case folding and serial matches: so no other certificate may carry the
 * serial (or the key identifier) at all, and the one that does must have the exact issuer bytes.
 */
function signerOf(certificates: readonly Certificate[], sid: SignerIdentifier): Certificate {
  const matches = certificates.filter((certificate) =>
    sid.kind === 'issuerAndSerialNumber'
      ? compareBytes(certificate.serial, sid.serial) === 0
      : certificate.subjectKeyIdentifier !== undefined &&
        compareBytes(certificate.subjectKeyIdentifier, sid.keyIdentifier) === 0,
  );
  const [signer, ...others] = matches;
  if (!signer || others.length > 0) throw invalid();
  if (sid.kind === 'issuerAndSerialNumber' && compareBytes(signer.issuer, sid.issuer) !== 0) {
    throw invalid();
  }
  return signer;
}

/** The signature algorithm fits the key and the digest, and the signature value verifies. */
function signatureVerifies(
  cms: ReadCms,
  digest: DigestName,
  publicKey: Certificate['publicKey'],
): boolean {
  const { signatureAlgorithm, signedAttributesDer, signature } = cms.signerInfo;
  const algorithm = SIGNATURE_ALGORITHMS[signatureAlgorithm.oid];
  if (!algorithm || !signedAttributesDer) return false;
  // The digest named by the signature algorithm must be the SignerInfo's one.
  if (algorithm.digest !== undefined && algorithm.digest !== digest) return false;
  if (publicKey.asymmetricKeyType !== algorithm.keyType) return false;
  // ecdsa-with-SHA* has no parameters (RFC 5758 §3.2); RSA ones have NULL or none.
  const parametersFit =
    algorithm.keyType === 'ec'
      ? !signatureAlgorithm.parameters
      : hasNoParameters(signatureAlgorithm);
  return parametersFit && verifySignatureValue(publicKey, digest, signedAttributesDer, signature);
}

/** ESS: signingCertificateV2 required, a signingCertificate (v1) checked too when present. */
function bindsTheSigner(attributes: Map<string, DerNode>, signer: Certificate): boolean {
  const v2 = attributes.get(CMS_OID.signingCertificateV2);
  const v1 = attributes.get(CMS_OID.signingCertificate);
  return v2 !== undefined && bindsSigner(v2, signer, 2) && (!v1 || bindsSigner(v1, signer, 1));
}

/** Checks the SignerInfo of a read message (CMS_SIGNATURE_INVALID) and names its signer. */
export function checkCmsSignature(cms: ReadCms): CheckedSignature {
  try {
    const { signerInfo } = cms;
    const digest = digestOf(signerInfo.digestAlgorithm);
    checkDigestAlgorithms(cms);
    if (!signerInfo.signedAttributesDer) throw invalid();
    const attributes = singleValues(cms);
    const contentType = attributes.get(CMS_OID.contentType);
    const messageDigest = attributes.get(CMS_OID.messageDigest);
    if (!contentType || oidValue(contentType) !== cms.eContentType) throw invalid();
    const actual = createHash(digest).update(cms.content).digest();
    if (compareBytes(expectTag(messageDigest, TAG.octetString).value, actual) !== 0)
      throw invalid();
    const signingTimeNode = attributes.get(CMS_OID.signingTime);
    const signingTime = signingTimeNode ? timeValue(signingTimeNode) : null;
    const signer = signerOf(cms.certificates, signerInfo.sid);
    if (!signatureVerifies(cms, digest, signer.publicKey)) throw invalid();
    if (!bindsTheSigner(attributes, signer)) throw invalid();
    return { signer, signingTime };
  } catch (error) {
    // A malformed signed attribute is a refused signature, not an unreadable message.
    if (error instanceof DerError) throw invalid(error);
    throw error;
  }
}
