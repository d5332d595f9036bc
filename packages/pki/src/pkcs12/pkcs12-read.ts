// Reading a password-protected PKCS#12 (ours, for tests; a user's, for a later import). The
// file may be hostile: its size and every iteration count are checked before any work, and
// the MAC is checked before anything is decrypted.
import '../engine'; // first: installs pkijs' WebCrypto engine
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { readCertificate } from '../der/certificate';
import { certificateMatchesPrivateKey } from '../keys/certificate-key';
import { encodePem } from '../pem';
import { PkiError } from '../pki-error';
import { PKCS12_OID } from './pkcs12-oids';

/** Larger files are refused unread (a key, a certificate and a chain take a few KiB). */
export const MAX_PKCS12_BYTES = 64 * 1024;
/** Higher MAC or PBKDF2 iteration counts are refused: a hostile file could stall the server. */
export const MAX_PKCS12_READ_ITERATIONS = 2_000_000;

/** What a PKCS#12 holds; the key's own certificate comes first when it is there. */
export interface Pkcs12Contents {
  privateKeyPkcs8: Buffer;
  certificatesPem: string[];
}

const invalid = (cause?: unknown) => new PkiError('PKCS12_INVALID', { cause });

function assertIterations(count: number | undefined): void {
  const ok = count !== undefined && Number.isSafeInteger(count) && count >= 1;
  if (!ok || count > MAX_PKCS12_READ_ITERATIONS) throw invalid();
}

/** Decrypts PBES2 (the only scheme pkijs reads) after bounding its PBKDF2 iteration count. */
async function decryptPbes2(
  algorithm: pkijs.AlgorithmIdentifier,
  encryptedContent: asn1js.OctetString,
  password: ArrayBuffer,
): Promise<ArrayBuffer> {
  if (algorithm.algorithmId !== PKCS12_OID.pbes2) throw invalid();
  const pbes2 = new pkijs.PBES2Params({ schema: algorithm.algorithmParams });
  assertIterations(
    new pkijs.PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams }).iterationCount,
  );
  const encryptedContentInfo = new pkijs.EncryptedContentInfo({
    contentType: pkijs.ContentInfo.DATA,
    contentEncryptionAlgorithm: algorithm,
    encryptedContent,
  });
  return new pkijs.EncryptedData({ encryptedContentInfo }).decrypt({ password });
}

/** The AuthenticatedSafe after its MAC matched: WRONG_PASSWORD when it does not. */
async function checkedAuthenticatedSafe(
  pfx: pkijs.PFX,
  password: ArrayBuffer,
): Promise<pkijs.AuthenticatedSafe> {
  if (pfx.authSafe.contentType !== pkijs.ContentInfo.DATA || !pfx.macData) throw invalid();
  const content = (pfx.authSafe.content as asn1js.OctetString).getValue();
  const { mac, macSalt, iterations = 1 } = pfx.macData;
  assertIterations(iterations);
  const engine = pkijs.getCrypto(true);
  let matches: boolean;
  try {
    matches = await engine.verifyDataStampedWithPassword({
      password,
      hashAlgorithm: engine.getAlgorithmByOID(mac.digestAlgorithm.algorithmId, true).name,
      salt: macSalt.getValue(),
      iterationCount: iterations,
      contentToVerify: content,
      signatureToVerify: mac.digest.getValue(),
    });
  } catch (cause) {
    throw invalid(cause); // an unknown MAC algorithm, not a wrong password
  }
  if (!matches) throw new PkiError('WRONG_PASSWORD');
  return pkijs.AuthenticatedSafe.fromBER(content);
}

/** Every SafeBag of the AuthenticatedSafe, decrypting the password-encrypted SafeContents. */
async function allSafeBags(
  authenticatedSafe: pkijs.AuthenticatedSafe,
  password: ArrayBuffer,
): Promise<pkijs.SafeBag[]> {
  const bags: pkijs.SafeBag[] = [];
  for (const info of authenticatedSafe.safeContents) {
    let der: ArrayBuffer;
    if (info.contentType === pkijs.ContentInfo.DATA) {
      der = (info.content as asn1js.OctetString).getValue();
    } else if (info.contentType === PKCS12_OID.encryptedData) {
      const { encryptedContentInfo } = new pkijs.EncryptedData({ schema: info.content });
      const encrypted = encryptedContentInfo.encryptedContent;
      if (!encrypted) throw invalid();
      der = await decryptPbes2(
        encryptedContentInfo.contentEncryptionAlgorithm,
        encrypted,
        password,
      );
    } else {
      throw invalid(); // public-key privacy (EnvelopedData) is not supported
    }
    bags.push(...pkijs.SafeContents.fromBER(der).safeBags);
  }
  return bags;
}

/** The PKCS#8 DER of a key bag, or undefined for other bags. */
async function keyOf(bag: pkijs.SafeBag, password: ArrayBuffer): Promise<Buffer | undefined> {
  if (bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
    const { encryptionAlgorithm, encryptedData } = bag.bagValue;
    const plain = new Uint8Array(await decryptPbes2(encryptionAlgorithm, encryptedData, password));
    const pkcs8 = Buffer.from(plain);
    plain.fill(0);
    pkijs.PrivateKeyInfo.fromBER(pkcs8); // throws unless it is a PKCS#8
    return pkcs8;
  }
  if (bag.bagValue instanceof pkijs.PrivateKeyInfo) {
    return Buffer.from(bag.bagValue.toSchema().toBER(false));
  }
  return undefined;
}

/** The PEM of an X.509 certificate bag, or undefined for other bags. */
function certificateOf(bag: pkijs.SafeBag): string | undefined {
  const value = bag.bagValue;
  if (!(value instanceof pkijs.CertBag) || value.certId !== PKCS12_OID.x509Certificate) {
    return undefined;
  }
  if (!(value.certValue instanceof asn1js.OctetString)) throw invalid();
  const der = value.certValue.getValue();
  try {
    // Read by the reader certificateMatchesPrivateKey uses, so that matching cannot throw.
    readCertificate(new Uint8Array(der));
  } catch (cause) {
    throw invalid(cause);
  }
  return encodePem(der, 'CERTIFICATE');
}

/**
 * Reads a PKCS#12 protected by `password` (MAC and PBES2 encryption), holding exactly one
 * private key. WRONG_PASSWORD when the MAC does not match, PKCS12_INVALID for anything
 * unreadable or unsupported (legacy 3DES/RC2 files, public-key modes, several keys).
 */
export async function readPkcs12(der: Uint8Array, password: string): Promise<Pkcs12Contents> {
  if (der.length === 0 || der.length > MAX_PKCS12_BYTES) throw invalid();
  const passwordBytes = new TextEncoder().encode(password);
  const keys: Buffer[] = [];
  try {
    let pfx: pkijs.PFX;
    try {
      pfx = pkijs.PFX.fromBER(der);
    } catch (cause) {
      throw invalid(cause);
    }
    const authenticatedSafe = await checkedAuthenticatedSafe(pfx, passwordBytes.buffer);
    const certificatesPem: string[] = [];
    for (const bag of await allSafeBags(authenticatedSafe, passwordBytes.buffer)) {
      const key = await keyOf(bag, passwordBytes.buffer);
      if (key) keys.push(key);
      const certificate = certificateOf(bag);
      if (certificate) certificatesPem.push(certificate);
    }
    const [privateKeyPkcs8] = keys;
    if (!privateKeyPkcs8 || keys.length > 1) throw invalid();
    const own = certificatesPem.findIndex((pem) =>
      certificateMatchesPrivateKey(pem, privateKeyPkcs8),
    );
    if (own > 0) certificatesPem.unshift(...certificatesPem.splice(own, 1));
    return { privateKeyPkcs8, certificatesPem };
  } catch (error) {
    for (const key of keys) key.fill(0);
    throw error instanceof PkiError ? error : invalid(error);
  } finally {
    passwordBytes.fill(0);
  }
}
