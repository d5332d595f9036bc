// Public API of @passerelle/pki: the partner's certificate authority and the declarant's keys.
import './engine';

export { installCryptoEngine } from './engine';
export { PkiError, PKI_ERROR_MESSAGES, type PkiErrorCode } from './pki-error';
export { ACCEPTED_KEY_TYPES, checkPublicKey, type KeyType } from './keys/key-policy';
export { randomSerialHex, isValidSerialHex } from './ca/serial';
export {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CreatedCertificateAuthority,
  type LoadedCertificateAuthority,
} from './ca/certificate-authority';
export { verifyCsr, type VerifiedCsr } from './ca/csr';
export {
  issueCertificate,
  MAX_VALIDITY_MONTHS,
  type CertificateHolder,
  type IssueCertificateParams,
  type IssuedCertificate,
} from './ca/issue-certificate';
export { createCrl, type RevocationReason, type RevokedCertificate } from './ca/crl';
export { generateKeyPairAndCsr, type GeneratedKeyType, type KeyPairAndCsr } from './keys/key-pair';
export {
  DEFAULT_KEY_WRAP_PARAMS,
  deriveWrappingKey,
  unwrapPrivateKey,
  wrappedKeyParams,
  wrapPrivateKey,
  type Argon2idParams,
} from './keys/key-wrap';
export {
  DEFAULT_PKCS12_ITERATIONS,
  exportPkcs12,
  MAX_PKCS12_READ_ITERATIONS,
  readPkcs12,
  type ExportPkcs12Params,
} from './pkcs12/pkcs12';
export { type Pkcs12Contents } from './pkcs12/pkcs12-read';
export {
  certificateInfo,
  certificateMatchesPrivateKey,
  exportPkcs8,
  type CertificateInfo,
} from './keys/certificate-key';
export { createCmsSigner, type CmsSigner, type CreateCmsSignerParams } from './cms/sign';
export { readCmsContent } from './cms/content';
export {
  DEFAULT_CMS_MAX_BYTES,
  verifyCms,
  type VerifiedCms,
  type VerifyCmsOptions,
} from './cms/verify';
export {
  hasReceiptSignerUsages,
  issueReceiptSignerCertificate,
  RECEIPT_SIGNER_EKU,
  type IssueReceiptSignerParams,
} from './ca/receipt-certificate';
