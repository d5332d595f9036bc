// createCmsSigner: the declarant signs each declaration of a batch as a CMS SignedData with
// attached content (RFC 5652) and the CAdES-BES attributes (contentType, messageDigest,
// signingTime, ESS signingCertificateV2 of RFC 5035). Everything that does not depend on the
// content — the certificate, the sid, the algorithm identifiers, the signingCertificateV2
// attribute — is encoded once per signer; each sign() only hashes, signs and concatenates.
import { defaultCrypto } from '../engine';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
  type webcrypto,
} from 'node:crypto';
import { certificateMatchesPrivateKey } from '../keys/certificate-key';
import { readCertificatePem, type Certificate } from '../der/certificate';
import { checkCmsSignature } from './check-signature';
import { der, derOid, derSetOf, derUnsignedInteger, TAG } from '../der/der';
import { CMS_OID } from '../der/oids';
import { readCms } from './read';
import { derTime } from '../der/time';
import { checkPublicKey } from '../keys/key-policy';
import { PkiError } from '../pki-error';

/** Signs with one key many times (a batch): the key is imported once as a non-extractable CryptoKey. */
export interface CmsSigner {
  /**
   * DER ContentInfo(SignedData) with `content` attached, signed with SHA-256, its signed
   * attributes stating `signingTime` (whole seconds); verified before it is returned
   * (CMS_SELF_CHECK_FAILED otherwise).
   */
  sign(content: Uint8Array, signingTime: Date): Promise<Buffer>;
}

/** The signer's key (PKCS#8 DER, not kept) and certificate, plus certificates to ship along. */
export interface CreateCmsSignerParams {
  privateKeyPkcs8: Uint8Array;
  certificatePem: string;
  extraCertificatesPem?: string[];
}

/** How a key type signs: WebCrypto algorithms and the CMS signatureAlgorithm it announces. */
interface SigningRecipe {
  importAlgorithm: webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
  signAlgorithm: webcrypto.EcdsaParams | webcrypto.Algorithm;
  signatureAlgorithm: Buffer;
  /** ECDSA: octets of r (and of s) in WebCrypto's r‖s output, to re-encode as DER. */
  ecdsaFieldBytes?: number;
}

const NULL = der(TAG.null);
const VERSION_1 = der(TAG.integer, Buffer.from([1]));

function recipeOf(certificate: Certificate): SigningRecipe {
  const keyType = checkPublicKey(certificate.spki);
  if (keyType === 'ECDSA-P256' || keyType === 'ECDSA-P384') {
    const p256 = keyType === 'ECDSA-P256';
    return {
      importAlgorithm: { name: 'ECDSA', namedCurve: p256 ? 'P-256' : 'P-384' },
      signAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      signatureAlgorithm: der(TAG.sequence, derOid(CMS_OID.ecdsaWithSha256)),
      ecdsaFieldBytes: p256 ? 32 : 48,
    };
  }
  return {
    importAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    signAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
    signatureAlgorithm: der(TAG.sequence, derOid(CMS_OID.sha256WithRsa), NULL),
  };
}

function attribute(oid: string, value: Uint8Array): Buffer {
  return der(TAG.sequence, derOid(oid), der(TAG.set, value));
}

/** RFC 5035 SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial } } }. */
function signingCertificateV2(certificate: Certificate): Buffer {
  // hashAlgorithm is left out: its DEFAULT is id-sha256, and DER omits default values.
  const issuerSerial = der(
    TAG.sequence,
    der(TAG.sequence, der(TAG.context(4), certificate.issuer)), // GeneralNames { directoryName }
    certificate.serial,
  );
  const essCertId = der(TAG.sequence, der(TAG.octetString, certificate.sha256), issuerSerial);
  return attribute(CMS_OID.signingCertificateV2, der(TAG.sequence, der(TAG.sequence, essCertId)));
}

/** WebCrypto's r‖s ECDSA signature as the DER Ecdsa-Sig-Value CMS carries (RFC 5753 §7.2). */
function ecdsaSignatureDer(raw: Uint8Array, fieldBytes: number): Buffer {
  if (raw.length !== 2 * fieldBytes) throw new Error('unexpected ECDSA signature length');
  return der(
    TAG.sequence,
    derUnsignedInteger(raw.subarray(0, fieldBytes)),
    derUnsignedInteger(raw.subarray(fieldBytes)),
  );
}

/** The same bytes with another identifier octet (SET ↔ [0] IMPLICIT). */
function retagged(element: Buffer, tag: number): Buffer {
  const copy = Buffer.from(element);
  copy[0] = tag;
  return copy;
}

/**
 * Signs the signed attributes of one message. `checksItself`: the signature was verified with the
 * certificate's public key as it was made, so the message needs no full re-parse.
 */
interface AttributeSigner {
  sign(signedAttributes: Uint8Array): Promise<Buffer>;
  checksItself: boolean;
}

/**
 * The default path: node:crypto KeyObjects made once (synchronous sign, DER ECDSA output, no
 * WebCrypto promise), each signature verified with the certificate's key. The PKCS#8 bytes are
 * read through a view and not kept (the caller wipes them).
 */
function nativeSigner(pkcs8: Uint8Array, certificate: Certificate): AttributeSigner {
  let privateKey: KeyObject;
  let publicKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      // A view, not a copy: no second copy of the key bytes is left unwiped.
      key: Buffer.from(pkcs8.buffer, pkcs8.byteOffset, pkcs8.byteLength),
      format: 'der',
      type: 'pkcs8',
    });
    publicKey = createPublicKey({
      key: Buffer.from(certificate.spki),
      format: 'der',
      type: 'spki',
    });
  } catch (cause) {
    throw new PkiError('CERTIFICATE_MALFORMED', { cause });
  }
  return {
    checksItself: true,
    sign: (signedAttributes) => {
      const signature = nodeSign('sha256', signedAttributes, {
        key: privateKey,
        dsaEncoding: 'der',
      });
      const verified = nodeVerify(
        'sha256',
        signedAttributes,
        { key: publicKey, dsaEncoding: 'der' },
        signature,
      );
      if (!verified) {
        const cause = new Error('signature does not verify');
        return Promise.reject(new PkiError('CMS_SELF_CHECK_FAILED', { cause }));
      }
      return Promise.resolve(signature);
    },
  };
}

/**
 * An injected WebCrypto (tests, hardware): a non-extractable CryptoKey; its output is checked by
 * re-reading the whole message.
 */
async function webCryptoSigner(
  crypto: webcrypto.Crypto,
  pkcs8: Uint8Array,
  recipe: SigningRecipe,
): Promise<AttributeSigner> {
  let key: webcrypto.CryptoKey;
  try {
    key = await crypto.subtle.importKey('pkcs8', pkcs8, recipe.importAlgorithm, false, ['sign']);
  } catch (cause) {
    throw new PkiError('CERTIFICATE_MALFORMED', { cause });
  }
  return {
    checksItself: false,
    sign: async (signedAttributes) => {
      const raw = new Uint8Array(
        await crypto.subtle.sign(recipe.signAlgorithm, key, signedAttributes),
      );
      return recipe.ecdsaFieldBytes === undefined
        ? Buffer.from(raw)
        : ecdsaSignatureDer(raw, recipe.ecdsaFieldBytes);
    },
  };
}

/**
 * Prepares a signer for a batch: the certificate must be the key's (CERTIFICATE_MALFORMED) and
 * of an accepted type (KEY_REJECTED). The key is imported once (a node:crypto KeyObject, or a
 * non-extractable CryptoKey with an injected WebCrypto) and `privateKeyPkcs8` is not kept: the
 * caller wipes it once this resolves.
 */
export async function createCmsSigner(
  params: CreateCmsSignerParams,
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<CmsSigner> {
  const certificate = readCertificatePem(params.certificatePem);
  const extras = (params.extraCertificatesPem ?? []).map(readCertificatePem);
  if (!certificateMatchesPrivateKey(params.certificatePem, params.privateKeyPkcs8)) {
    throw new PkiError('CERTIFICATE_MALFORMED');
  }
  const recipe = recipeOf(certificate);
  const attributeSigner =
    crypto === defaultCrypto
      ? nativeSigner(params.privateKeyPkcs8, certificate)
      : await webCryptoSigner(crypto, params.privateKeyPkcs8, recipe);

  const sid = der(TAG.sequence, certificate.issuer, certificate.serial);
  const digestAlgorithm = der(TAG.sequence, derOid(CMS_OID.sha256));
  const digestAlgorithms = der(TAG.set, digestAlgorithm);
  const certificates = retagged(
    derSetOf([certificate.der, ...extras.map((extra) => extra.der)]),
    TAG.context(0),
  );
  const contentTypeAttribute = attribute(CMS_OID.contentType, derOid(CMS_OID.data));
  const signingCertificateAttribute = signingCertificateV2(certificate);
  const dataOid = derOid(CMS_OID.data);
  const signedDataOid = derOid(CMS_OID.signedData);

  /** Our own verifier on what was just made: same reading as the partner's. */
  const selfCheck = (message: Buffer, content: Uint8Array): void => {
    try {
      const cms = readCms(message, Number.POSITIVE_INFINITY);
      const { signer } = checkCmsSignature(cms);
      if (Buffer.compare(signer.der, certificate.der) !== 0) throw new Error('other signer');
      if (Buffer.compare(cms.content, content) !== 0) throw new Error('other content');
    } catch (cause) {
      throw new PkiError('CMS_SELF_CHECK_FAILED', { cause });
    }
  };

  return {
    async sign(content, signingTime) {
      if (Number.isNaN(signingTime.getTime())) throw new RangeError('signingTime is not a date');
      const signedAttributes = derSetOf([
        contentTypeAttribute,
        attribute(CMS_OID.signingTime, derTime(signingTime)),
        attribute(
          CMS_OID.messageDigest,
          der(TAG.octetString, createHash('sha256').update(content).digest()),
        ),
        signingCertificateAttribute,
      ]);
      // The signature covers the attributes encoded as a SET (RFC 5652 §5.4).
      const signature = await attributeSigner.sign(signedAttributes);
      const signerInfo = der(
        TAG.sequence,
        VERSION_1,
        sid,
        digestAlgorithm,
        retagged(signedAttributes, TAG.context(0)),
        recipe.signatureAlgorithm,
        der(TAG.octetString, signature),
      );
      const signedData = der(
        TAG.sequence,
        VERSION_1,
        digestAlgorithms,
        der(TAG.sequence, dataOid, der(TAG.context(0), der(TAG.octetString, content))),
        certificates,
        der(TAG.set, signerInfo),
      );
      const message = der(TAG.sequence, signedDataOid, der(TAG.context(0), signedData));
      if (!attributeSigner.checksItself) selfCheck(message, content);
      return message;
    },
  };
}
