// The partner's receipt-signing certificate. It comes from the same CA as the users' signature
// certificates, so a private extended key usage tells them apart: the declarant requires it on
// every receipt, and a user's certificate (EKU emailProtection only) can never pass for one.
// It also lists emailProtection so that a third party's `openssl cms -verify`, whose default
// purpose is S/MIME signing, accepts a receipt; this cannot turn it into a user's certificate,
// since the partner accepts deposits only from the certificates it issued to accounts.
import { defaultCrypto } from '../engine'; // first: loads reflect-metadata before x509
import type { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { LoadedCertificateAuthority } from './certificate-authority';
import { signEndEntityCertificate } from './end-entity-certificate';
import { buildSubjectName, type SubjectNames } from './certificate-subject';
import { readCertificatePem } from '../der/certificate';
import { der, derOid, TAG } from '../der/der';
import { CMS_OID } from '../der/oids';
import { encodePem } from '../pem';
import { randomSerialHex } from './serial';
import { addCalendarMonths, BACKDATE_MS, toWholeSeconds } from './validity';

/**
 * The receipt-signing EKU: an OID under 2.25 (X.667, UUID f7c45d0a-53a7-4814-8b48-b054d8c5c22b
 * as a decimal integer), so it needs no registration and collides with nothing.
 */
export const RECEIPT_SIGNER_EKU = '2.25.329338892225411298386830521712616260139';

/** id-kp-emailProtection (RFC 5280): what OpenSSL's default S/MIME purpose looks for. */
const EMAIL_PROTECTION_EKU = '1.3.6.1.5.5.7.3.4';

/**
 * True when a receipt certificate carries both usages this version issues: the receipt EKU and
 * emailProtection. One issued before lacks the latter (OpenSSL's default check refuses its
 * receipts as "unsuitable certificate purpose"), so the partner replaces it.
 */
export function hasReceiptSignerUsages(certificatePem: string): boolean {
  // The package's DER reader reads the 128-bit arc of the 2.25 OID right (asn1js would not,
  // see below).
  const usages = readCertificatePem(certificatePem).extendedKeyUsages ?? [];
  return usages.includes(RECEIPT_SIGNER_EKU) && usages.includes(EMAIL_PROTECTION_EKU);
}

/** The receipt signer's key type: the CA's own (ECDSA P-256). */
const RECEIPT_KEY_ALGORITHM: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/** What issueReceiptSignerCertificate needs. */
export interface IssueReceiptSignerParams {
  ca: LoadedCertificateAuthority;
  commonName: string;
  organization: string;
  now: Date;
  validityMonths: number;
}

/**
 * Generates an ECDSA P-256 key and has the CA certify it for signing receipts:
 * digitalSignature + nonRepudiation, EKU RECEIPT_SIGNER_EKU and emailProtection, not a CA, SKI/AKI, valid
 * from `now` − 1 minute for `validityMonths` calendar months (within the CA's validity).
 * The subject is literal text, read back before returning (see `buildSubjectName`).
 * Returns the PEM certificate and the PKCS#8 key (to seal at once).
 */
export async function issueReceiptSignerCertificate(
  params: IssueReceiptSignerParams,
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<{ certificatePem: string; privateKeyPkcs8: Buffer }> {
  const { ca, validityMonths } = params;
  if (!Number.isInteger(validityMonths) || validityMonths < 1 || validityMonths > 120) {
    throw new RangeError('validityMonths must be an integer between 1 and 120');
  }
  const notBefore = new Date(toWholeSeconds(params.now).getTime() - BACKDATE_MS);
  const notAfter = addCalendarMonths(notBefore, validityMonths);
  if (notAfter > ca.certificate.notAfter) {
    throw new RangeError('the certificate would outlive the CA certificate');
  }
  const names: SubjectNames = {
    commonName: params.commonName,
    organization: params.organization,
  };
  buildSubjectName(names); // before the key: a refused name costs nothing
  const keys = await crypto.subtle.generateKey(RECEIPT_KEY_ALGORITHM, true, ['sign', 'verify']);
  const certificate = await signEndEntityCertificate(
    {
      ca,
      serialHex: randomSerialHex(crypto),
      names,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      purposes: [
        // Encoded here: asn1js (under x509) garbles OID arcs above 2^53, as a 2.25 arc is.
        new x509.Extension(
          CMS_OID.extKeyUsage,
          false,
          der(TAG.sequence, derOid(RECEIPT_SIGNER_EKU), derOid(EMAIL_PROTECTION_EKU)),
        ),
      ],
    },
    crypto,
  );
  return {
    certificatePem: encodePem(certificate.rawData, 'CERTIFICATE'),
    privateKeyPkcs8: Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
}
