// verifyCms: the partner reads a deposit, the declarant reads a receipt. Four steps in a fixed
// order, each with its own code, so that a refusal says at which level the message failed
// (the DGFiP order of design §4): readable, signed, by a trusted certificate, valid then.
import { createHash } from 'node:crypto';
import { readCmsCertificate, KEY_USAGE_BIT, type CmsCertificate } from './cms-certificate';
import { checkCmsSignature } from './cms-check-signature';
import { DerError } from './cms-der';
import { readCms } from './cms-read';
import { decodeSinglePem, encodePem } from './pem';
import { PkiError } from './pki-error';

export { DEFAULT_CMS_MAX_BYTES } from './cms-read';

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
  /** The CA certificates a signer certificate must be issued by (directly). */
  trustedCaPem: string[];
  /** When the certificate must be valid; default: the signingTime attribute, else now. */
  at?: Date;
  /** An EKU OID the signer certificate must list (e.g. RECEIPT_SIGNER_EKU). */
  requiredExtendedKeyUsage?: string;
  /** Larger messages are CMS_UNREADABLE; default 20 MiB. */
  maxBytes?: number;
}

/** A configured trust anchor; a malformed one is the caller's error (CERTIFICATE_MALFORMED). */
function readTrustedCa(pem: string): CmsCertificate {
  const der = decodeSinglePem(pem, ['CERTIFICATE']);
  if (!der) throw new PkiError('CERTIFICATE_MALFORMED');
  try {
    return readCmsCertificate(der);
  } catch (cause) {
    if (cause instanceof DerError) throw new PkiError('CERTIFICATE_MALFORMED', { cause });
    throw cause;
  }
}

/**
 * The trusted CA that signed `signer`, checked by OpenSSL (issuer name, AKI/SKI, CA key usage,
 * then the signature with the CA's public key); CMS_CERTIFICATE_UNTRUSTED when none did.
 */
function issuingCa(signer: CmsCertificate, trusted: readonly CmsCertificate[]): CmsCertificate {
  const issuer = trusted.find(
    (ca) => ca.isCa && signer.node.checkIssued(ca.node) && signer.node.verify(ca.publicKey),
  );
  if (!issuer) throw new PkiError('CMS_CERTIFICATE_UNTRUSTED');
  return issuer;
}

function checkUsage(signer: CmsCertificate, requiredExtendedKeyUsage: string | undefined): void {
  const signing = KEY_USAGE_BIT.digitalSignature | KEY_USAGE_BIT.nonRepudiation;
  const usable =
    !signer.isCa &&
    signer.keyUsage !== undefined &&
    (signer.keyUsage & signing) !== 0 &&
    (requiredExtendedKeyUsage === undefined ||
      (signer.extendedKeyUsages ?? []).includes(requiredExtendedKeyUsage));
  if (!usable) throw new PkiError('CMS_CERTIFICATE_UNTRUSTED');
}

function validAt(certificate: CmsCertificate, date: Date): boolean {
  return certificate.notBefore <= date && date <= certificate.notAfter;
}

/**
 * Verifies a DER CMS SignedData with attached content: CMS_UNREADABLE, then
 * CMS_SIGNATURE_INVALID, CMS_CERTIFICATE_UNTRUSTED, CMS_CERTIFICATE_EXPIRED, in that order.
 * Revocation is not checked here: the caller holds the CRL or the database.
 */
export async function verifyCms(der: Uint8Array, options: VerifyCmsOptions): Promise<VerifiedCms> {
  const trusted = options.trustedCaPem.map(readTrustedCa);
  const cms = readCms(der, options.maxBytes);
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
