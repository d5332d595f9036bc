/** Object identifiers of CMS (RFC 5652, 5754, 5035) and X.509 used by the cms-* files. */
export const CMS_OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  smimeCapabilities: '1.2.840.113549.1.9.15',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
} as const;

/** A digest a CMS message may use, as node:crypto names it. */
export type DigestName = 'sha256' | 'sha384' | 'sha512';

/** The digest algorithms a CMS message may use, as node:crypto names them. */
export const DIGEST_NAMES: Readonly<Record<string, DigestName>> = {
  [CMS_OID.sha256]: 'sha256',
  [CMS_OID.sha384]: 'sha384',
  [CMS_OID.sha512]: 'sha512',
};

/** Signature algorithms accepted: the key type they need and the digest they imply, if any. */
export const SIGNATURE_ALGORITHMS: Readonly<
  Record<string, { keyType: 'ec' | 'rsa'; digest?: DigestName }>
> = {
  // openssl writes rsaEncryption here (RFC 3370 §3.2): the digest is the SignerInfo's.
  [CMS_OID.rsaEncryption]: { keyType: 'rsa' },
  [CMS_OID.sha256WithRsa]: { keyType: 'rsa', digest: 'sha256' },
  [CMS_OID.sha384WithRsa]: { keyType: 'rsa', digest: 'sha384' },
  [CMS_OID.sha512WithRsa]: { keyType: 'rsa', digest: 'sha512' },
  [CMS_OID.ecdsaWithSha256]: { keyType: 'ec', digest: 'sha256' },
  [CMS_OID.ecdsaWithSha384]: { keyType: 'ec', digest: 'sha384' },
  [CMS_OID.ecdsaWithSha512]: { keyType: 'ec', digest: 'sha512' },
};
