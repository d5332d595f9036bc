// verifyCms: the partner reads a deposit, the declarant reads a receipt. Four steps in a fixed
// order, each with its own code, so that a refusal says at which level the message failed
// (the DGFiP order of design §4): readable, signed, by a trusted certificate, valid then.
import { createHash } from 'node:crypto';
import {
  isIssuedBy,
  KEY_USAGE_BIT,
  readCertificatePem,
  type Certificate,
} from '../der/certificate';
import { checkCmsSignature } from './check-signature';
import { readCms } from './read';
import { encodePem } from '../pem';
import { PkiError } from '../pki-error';

export { DEFAULT_CMS_MAX_BYTES } from './read';

/** What a verified CMS message holds. */
export interface VerifiedCms {
  /** The encapsulated content (a copy). */
  content: Buffer;
  /** Lower-case hex SHA-256 of `content`. */
  contentSha256: string;
  signerCertificatePem: string;
  /** Lower-case hex, as randomSerialHex and certificateInfo().serialHex give it. */
  signerSerialHex: string;
  signingTime: Date | null;
}

/** What verifyCms trusts and when. */
export interface VerifyCmsOptions {
  /** The CA certificates a signer certificate must be issued by (directly); a malformed one is
   *  the caller's error (CERTIFICATE_MALFORMED). */
  trustedCaPem: string[];
  /** When the certificate must be valid; default: the signingTime attribute, else now. */
  at?: Date;
  /** An EKU OID the signer certificate must list (e.g. RECEIPT_SIGNER_EKU). */
  requiredExtendedKeyUsage?: string;
  /** Larger messages are CMS_UNREADABLE; default 20 MiB. */
  maxBytes?: number;
}

/** Certificate → the trusted CAs already seen to have signed it (both objects are cached). */
const verifiedIssuers = new WeakMap<Certificate, WeakSet<Certificate>>();

/**
 * The trusted CA that signed `signer` (name, CA flags, then the signature with the CA's public
 * key); CMS_CERTIFICATE_UNTRUSTED when none did. A positive answer is remembered per pair.
 */
function issuingCa(signer: Certificate, trusted: readonly Certificate[]): Certificate {
  const known = verifiedIssuers.get(signer);
  const issuer =
    trusted.find((ca) => known?.has(ca)) ?? trusted.find((ca) => isIssuedBy(signer, ca));
  if (!issuer) throw new PkiError('CMS_CERTIFICATE_UNTRUSTED');
  if (known) known.add(issuer);
  else verifiedIssuers.set(signer, new WeakSet([issuer]));
  return issuer;
}

function checkUsage(signer: Certificate, requiredExtendedKeyUsage: string | undefined): void {
  const signing = KEY_USAGE_BIT.digitalSignature | KEY_USAGE_BIT.nonRepudiation;
  const usable =
    !signer.isCa &&
    !signer.hasUnknownCriticalExtension &&
    signer.keyUsage !== undefined &&
    (signer.keyUsage & signing) !== 0 &&
    (requiredExtendedKeyUsage === undefined ||
      (signer.extendedKeyUsages ?? []).includes(requiredExtendedKeyUsage));
  if (!usable) throw new PkiError('CMS_CERTIFICATE_UNTRUSTED');
}

function validAt(certificate: Certificate, date: Date): boolean {
  return certificate.notBefore <= date && date <= certificate.notAfter;
}

/**
 * Verifies a DER CMS SignedData with attached content: CMS_UNREADABLE, then
 * CMS_SIGNATURE_INVALID, CMS_CERTIFICATE_UNTRUSTED, CMS_CERTIFICATE_EXPIRED, in that order.
 * Revocation is not checked here: the caller holds the CRL or the database.
 */
export async function verifyCms(der: Uint8Array, options: VerifyCmsOptions): Promise<VerifiedCms> {
  const { maxBytes } = options;
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0)) {
    throw new RangeError('maxBytes must be a positive integer');
  }
  if (options.at !== undefined && Number.isNaN(options.at.getTime())) {
    throw new RangeError('at is not a date');
  }
  const trusted = options.trustedCaPem.map(readCertificatePem);
  const cms = readCms(der, maxBytes);
  const { signer, signingTime } = checkCmsSignature(cms);
  const ca = issuingCa(signer, trusted);
  checkUsage(signer, options.requiredExtendedKeyUsage);
  const at = options.at ?? signingTime ?? new Date();
  const inTime =
    validAt(signer, at) &&
    validAt(ca, at) &&
    (signingTime === null || validAt(signer, signingTime));
  if (!inTime) throw new PkiError('CMS_CERTIFICATE_EXPIRED');
  const content = Buffer.from(cms.content);
  return {
    content,
    contentSha256: createHash('sha256').update(content).digest('hex'),
    signerCertificatePem: encodePem(signer.der, 'CERTIFICATE'),
    signerSerialHex: signer.serialHex,
    signingTime,
  };
}
