import { defaultCrypto } from '../engine'; // first: loads reflect-metadata before x509
import type { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { certificateHolderName } from '@passerelle/contracts';
import type { LoadedCertificateAuthority } from './certificate-authority';
import { signEndEntityCertificate } from './end-entity-certificate';
import { buildSubjectName, type SubjectNames } from './certificate-subject';
import { checkPublicKey } from '../keys/key-policy';
import { isValidSerialHex, randomSerialHex } from './serial';
import { addCalendarMonths, BACKDATE_MS, toWholeSeconds } from './validity';
import { encodePem } from '../pem';

/** Longest validity this function signs, in months; the partner's policy is stricter. */
export const MAX_VALIDITY_MONTHS = 120;

/** The person a signature certificate is issued to. */
export interface CertificateHolder {
  firstName: string;
  lastName: string;
  email: string;
}

/** What `issueCertificate` needs; `now` and `serialHex` default to the clock and the CSPRNG. */
export interface IssueCertificateParams {
  ca: LoadedCertificateAuthority;
  /** The key proven by `verifyCsr`. */
  csrPublicKey: x509.PublicKey;
  holder: CertificateHolder;
  /** The accounting firm's name (subject O), taken literally. */
  organization: string;
  validityMonths: number;
  /** Where relying parties fetch the CRL (CRL distribution point). */
  crlUrl: string;
  now?: Date;
  serialHex?: string;
}

/** A signed end-entity certificate and the values the partner stores about it. */
export interface IssuedCertificate {
  certificatePem: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Signs an S/MIME-style signature certificate (digitalSignature + nonRepudiation, EKU
 * emailProtection, SAN rfc822Name) for a key that passed `verifyCsr`, valid from now − 1 minute
 * for `validityMonths` calendar months, with ECDSA SHA-256 by the CA. The subject is CN = "first
 * last", O = organization, C = FR, as literal text (SUBJECT_INVALID when a name is empty, longer
 * than 64 characters or holds a control character), and is read back before the certificate is
 * returned (SUBJECT_MISMATCH).
 */
export async function issueCertificate(
  params: IssueCertificateParams,
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<IssuedCertificate> {
  const { ca, csrPublicKey, holder, validityMonths } = params;
  // Defence in depth: the key was checked with its CSR, and this costs microseconds.
  checkPublicKey(csrPublicKey);
  if (!Number.isInteger(validityMonths) || validityMonths < 1) {
    throw new RangeError('validityMonths must be a positive integer');
  }
  if (validityMonths > MAX_VALIDITY_MONTHS) {
    throw new RangeError(`validityMonths must not exceed ${MAX_VALIDITY_MONTHS}`);
  }
  const serialHex = params.serialHex ?? randomSerialHex(crypto);
  if (!isValidSerialHex(serialHex)) {
    throw new RangeError(
      'serialHex must be lower-case minimal hex of a positive ≤ 20-octet integer',
    );
  }
  const notBefore = new Date(toWholeSeconds(params.now ?? new Date()).getTime() - BACKDATE_MS);
  const notAfter = addCalendarMonths(notBefore, validityMonths);
  if (notAfter > ca.certificate.notAfter) {
    throw new RangeError('the certificate would outlive the CA certificate');
  }
  const names: SubjectNames = {
    commonName: certificateHolderName(holder.firstName, holder.lastName),
    organization: params.organization,
  };
  buildSubjectName(names); // SUBJECT_INVALID before anything is signed
  const certificate = await signEndEntityCertificate(
    {
      ca,
      serialHex,
      names,
      notBefore,
      notAfter,
      publicKey: csrPublicKey,
      purposes: [
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection], false),
        new x509.SubjectAlternativeNameExtension([{ type: 'email', value: holder.email }], false),
      ],
      trailing: [new x509.CRLDistributionPointsExtension([params.crlUrl], false)],
    },
    crypto,
  );
  return {
    certificatePem: encodePem(certificate.rawData, 'CERTIFICATE'),
    serialHex,
    notBefore,
    notAfter,
  };
}
