// Step 2 of verifyCms (RFC 5652 §5.4–5.6 and RFC 5035): the signed attributes, the content
// digest, the signer certificate named by the sid, the signature value and the ESS
// signingCertificateV2 binding. Any failure is CMS_SIGNATURE_INVALID.
import { constants, createHash, verify, type KeyObject } from 'node:crypto';
import type { CmsCertificate } from './cms-certificate';
import { DerError, expectTag, oidValue, TAG, type DerNode } from './cms-der';
import { CMS_OID, DIGEST_NAMES, SIGNATURE_ALGORITHMS } from './cms-oids';
import {
  algorithmOf,
  type AlgorithmIdentifier,
  type ReadCms,
  type SignerIdentifier,
} from './cms-read';
import { timeValue } from './cms-time';
import { PkiError } from './pki-error';

/** What a valid signature tells: who signed, and when they say they did. */
export interface CheckedSignature {
  signer: CmsCertificate;
  signingTime: Date | null;
}

type DigestName = 'sha256' | 'sha384' | 'sha512';

const invalid = (cause?: unknown) => new PkiError('CMS_SIGNATURE_INVALID', { cause });

/** Parameters of a digest or RSA algorithm: absent or NULL (RFC 5754 §2, RFC 4055 §5). */
function hasNoParameters(algorithm: AlgorithmIdentifier): boolean {
  const { parameters } = algorithm;
  return !parameters || (parameters.tag === TAG.null && parameters.value.length === 0);
}

function digestOf(algorithm: AlgorithmIdentifier): DigestName {
  const name = DIGEST_NAMES[algorithm.oid];
  if (!name || !hasNoParameters(algorithm)) throw invalid();
  return name;
}

/** The one value of each signed attribute, refusing repeated types or values (RFC 5652 §11). */
function singleValues(cms: ReadCms): Map<string, DerNode> {
  const values = new Map<string, DerNode>();
  for (const {
    oid,
    values: [value, ...others],
  } of cms.signerInfo.signedAttributes) {
    if (values.has(oid)) throw invalid();
    if (!value || others.length > 0) throw invalid();
    values.set(oid, value);
  }
  return values;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** The one certificate of the bag the sid names (not just any certificate that verifies). */
function signerOf(certificates: readonly CmsCertificate[], sid: SignerIdentifier): CmsCertificate {
  const matches = certificates.filter((certificate) =>
    sid.kind === 'issuerAndSerialNumber'
      ? sameBytes(certificate.issuer, sid.issuer) && sameBytes(certificate.serial, sid.serial)
      : certificate.subjectKeyIdentifier !== undefined &&
        sameBytes(certificate.subjectKeyIdentifier, sid.keyIdentifier),
  );
  const [signer, ...others] = matches;
  if (!signer || others.length > 0) throw invalid();
  return signer;
}

function signatureVerifies(cms: ReadCms, digest: DigestName, publicKey: KeyObject): boolean {
  const { signatureAlgorithm, signedAttributesDer, signature } = cms.signerInfo;
  const algorithm = SIGNATURE_ALGORITHMS[signatureAlgorithm.oid];
  if (!algorithm || !signedAttributesDer) return false;
  // The digest named by the signature algorithm must be the SignerInfo's one.
  if (algorithm.digest !== undefined && algorithm.digest !== digest) return false;
  if (publicKey.asymmetricKeyType !== algorithm.keyType) return false;
  // ecdsa-with-SHA* has no parameters (RFC 5758 §3.2); RSA ones have NULL or none.
  if (
    algorithm.keyType === 'ec'
      ? signatureAlgorithm.parameters
      : !hasNoParameters(signatureAlgorithm)
  ) {
    return false;
  }
  const key =
    algorithm.keyType === 'rsa'
      ? { key: publicKey, padding: constants.RSA_PKCS1_PADDING }
      : publicKey;
  try {
    // ECDSA: the DER Ecdsa-Sig-Value CMS carries is node's default dsaEncoding.
    return verify(digest, signedAttributesDer, key, signature);
  } catch {
    return false; // e.g. an RSA signature of the wrong length
  }
}

/**
 * RFC 5035 SigningCertificateV2: the first ESSCertIDv2 must hash (SHA-256 by default) to the
 * signer certificate, and its issuerSerial, when present, must name it.
 */
function bindsSigner(value: DerNode, signer: CmsCertificate): boolean {
  const [certs] = expectTag(value, TAG.sequence).children;
  const fields = [...expectTag(expectTag(certs, TAG.sequence).children[0], TAG.sequence).children];
  const hashAlgorithm =
    fields[0]?.tag === TAG.sequence
      ? algorithmOf(fields.shift())
      : { oid: CMS_OID.sha256, parameters: undefined };
  const certHash = expectTag(fields.shift(), TAG.octetString).value;
  const issuerSerial = fields.shift();
  if (fields.length > 0) throw new DerError('bad ESSCertIDv2');
  const name = DIGEST_NAMES[hashAlgorithm.oid];
  if (!name || !hasNoParameters(hashAlgorithm)) return false;
  const expected = name === 'sha256' ? signer.sha256 : createHash(name).update(signer.der).digest();
  if (!sameBytes(certHash, expected)) return false;
  if (!issuerSerial) return true;
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

/** Checks the SignerInfo of a read message (CMS_SIGNATURE_INVALID) and names its signer. */
export function checkCmsSignature(cms: ReadCms): CheckedSignature {
  try {
    const { signerInfo } = cms;
    const digest = digestOf(signerInfo.digestAlgorithm);
    if (!signerInfo.signedAttributesDer) throw invalid();
    const attributes = singleValues(cms);
    const contentType = attributes.get(CMS_OID.contentType);
    const messageDigest = attributes.get(CMS_OID.messageDigest);
    if (!contentType || oidValue(contentType) !== cms.eContentType) throw invalid();
    const actual = createHash(digest).update(cms.content).digest();
    if (!sameBytes(expectTag(messageDigest, TAG.octetString).value, actual)) throw invalid();
    const signingTimeNode = attributes.get(CMS_OID.signingTime);
    const signingTime = signingTimeNode ? timeValue(signingTimeNode) : null;
    const signer = signerOf(cms.certificates, signerInfo.sid);
    if (!signatureVerifies(cms, digest, signer.publicKey)) throw invalid();
    const essValue = attributes.get(CMS_OID.signingCertificateV2);
    if (!essValue || !bindsSigner(essValue, signer)) throw invalid();
    return { signer, signingTime };
  } catch (error) {
    // A malformed signed attribute is a refused signature, not an unreadable message.
    if (error instanceof DerError) throw invalid(error);
    throw error;
  }
}
