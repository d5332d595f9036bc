/** Object identifiers of RFC 7292 (PKCS#12) and RFC 2985 (PKCS#9) used by this package. */
export const PKCS12_OID = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbes2: '1.2.840.113549.1.5.13',
  encryptedData: '1.2.840.113549.1.7.6',
} as const;
