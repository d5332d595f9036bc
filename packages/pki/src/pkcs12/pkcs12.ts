// PKCS#12 (.p12/.pfx) export of a user's key and certificate, for other signing tools, built
// with pkijs as docs/stack.md §6 "PKCS#12 / PFX" measured it: PBES2 / PBKDF2-HMAC-SHA256 /
// AES-256-CBC for the key and the certificates, and an HMAC-SHA256 MAC, all at 600,000
// iterations (OWASP's PBKDF2-SHA256 figure; node:crypto's own export is stuck at 2,048).
import '../engine'; // first: installs pkijs' WebCrypto engine
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateMatchesPrivateKey } from '../keys/certificate-key';
import { decodeSinglePem } from '../pem';
import { PkiError } from '../pki-error';
import { PKCS12_OID } from './pkcs12-oids';
import { MAX_PKCS12_READ_ITERATIONS } from './pkcs12-read';

export { readPkcs12, MAX_PKCS12_READ_ITERATIONS } from './pkcs12-read';

/** The iteration count of PBKDF2 and of the MAC unless a caller asks for more. */
export const DEFAULT_PKCS12_ITERATIONS = 600_000;

/** What goes into a PKCS#12 file. */
export interface ExportPkcs12Params {
  privateKeyPkcs8: Uint8Array;
  certificatePem: string;
  /** Issuer certificates, stored after the user's one (no localKeyID). */
  chainPem?: string[];
  password: string;
  /** The label other tools show for the key and its certificate. */
  friendlyName: string;
  /** Defaults to 600,000; lower counts are refused (PROTECTION_TOO_WEAK) unless... */
  iterations?: number;
  /** ...this is set: for tests only, where 600,000 iterations would cost a second each. */
  allowLowIterations?: boolean;
}

function certificateDer(pem: string): Buffer {
  const der = decodeSinglePem(pem, ['CERTIFICATE']);
  if (!der) throw new PkiError('CERTIFICATE_MALFORMED');
  return der;
}

function safeBag(
  bagId: string,
  bagValue: pkijs.BagType,
  attributes: pkijs.Attribute[],
): pkijs.SafeBag {
  const bag = new pkijs.SafeBag({ bagId, bagValue });
  if (attributes.length > 0) bag.bagAttributes = attributes;
  return bag;
}

/** An X.509 CertBag holding the DER as given (not re-encoded by pkijs). */
function certBag(der: Buffer, attributes: pkijs.Attribute[]): pkijs.SafeBag {
  const value = new pkijs.CertBag({
    certId: PKCS12_OID.x509Certificate,
    certValue: new asn1js.OctetString({ valueHex: der }),
  });
  return safeBag(PKCS12_OID.certBag, value, attributes);
}

/**
 * Builds a password-protected PKCS#12: the PKCS#8 key in a shrouded key bag and the
 * certificate (then the chain) in an encrypted SafeContents, the key and its certificate
 * sharing localKeyID = SHA-1(certificate DER) and `friendlyName`. The certificate must be the
 * key's (CERTIFICATE_MALFORMED otherwise). pkijs keeps internal copies of the key it cannot
 * wipe; the password bytes made here are zeroed.
 */
export async function exportPkcs12(params: ExportPkcs12Params): Promise<Buffer> {
  const iterations = params.iterations ?? DEFAULT_PKCS12_ITERATIONS;
  // Capped like readPkcs12, so that this package never writes a file it would refuse to read.
  if (!Number.isSafeInteger(iterations) || iterations < 1) throw new RangeError('iterations');
  if (iterations > MAX_PKCS12_READ_ITERATIONS) throw new RangeError('iterations above the cap');
  if (iterations < DEFAULT_PKCS12_ITERATIONS && params.allowLowIterations !== true) {
    throw new PkiError('PROTECTION_TOO_WEAK');
  }
  if (params.password.length === 0) throw new RangeError('password must not be empty');
  const certificate = certificateDer(params.certificatePem);
  const chain = (params.chainPem ?? []).map(certificateDer);
  if (!certificateMatchesPrivateKey(params.certificatePem, params.privateKeyPkcs8)) {
    throw new PkiError('CERTIFICATE_MALFORMED');
  }

  const passwordBytes = new TextEncoder().encode(params.password);
  try {
    const password = passwordBytes.buffer;
    const encryption = {
      password,
      contentEncryptionAlgorithm: { name: 'AES-CBC' as const, length: 256 },
      hmacHashAlgorithm: 'SHA-256',
      iterationCount: iterations,
    };
    const attributes = [
      new pkijs.Attribute({
        type: PKCS12_OID.localKeyId,
        values: [
          new asn1js.OctetString({ valueHex: createHash('sha1').update(certificate).digest() }),
        ],
      }),
      new pkijs.Attribute({
        type: PKCS12_OID.friendlyName,
        values: [new asn1js.BmpString({ value: params.friendlyName })],
      }),
    ];

    const keyBag = new pkijs.PKCS8ShroudedKeyBag({
      parsedValue: pkijs.PrivateKeyInfo.fromBER(params.privateKeyPkcs8),
    });
    await keyBag.makeInternalValues(encryption);
    const keyContents = new pkijs.SafeContents({
      safeBags: [safeBag(PKCS12_OID.shroudedKeyBag, keyBag, attributes)],
    });
    const certContents = new pkijs.SafeContents({
      safeBags: [certBag(certificate, attributes), ...chain.map((der) => certBag(der, []))],
    });

    // privacyMode 0: plain Data (the key bag is shrouded itself); 1: password-encrypted.
    const authenticatedSafe = new pkijs.AuthenticatedSafe({
      parsedValue: {
        safeContents: [
          { privacyMode: 1, value: certContents },
          { privacyMode: 0, value: keyContents },
        ],
      },
    });
    await authenticatedSafe.makeInternalValues({ safeContents: [encryption, {}] });

    const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
    await pfx.makeInternalValues({
      password,
      iterations,
      pbkdf2HashAlgorithm: 'SHA-256',
      hmacHashAlgorithm: 'SHA-256',
    });
    return Buffer.from(pfx.toSchema().toBER(false));
  } finally {
    passwordBytes.fill(0);
  }
}
