import { createPublicKey, type KeyObject } from 'node:crypto';
import type { PublicKey } from '@peculiar/x509';
import { PkiError } from '../pki-error';

/**
 * The key types the partner certifies, as published by its signature-policy endpoint. Same
 * allow-list as Let's Encrypt's Boulder `goodkey.AllowedKeys`: RSA sizes other than these three
 * are refused even inside 2048–4096, so this list is the whole policy, not a summary of it.
 */
export const ACCEPTED_KEY_TYPES = [
  'ECDSA-P256',
  'ECDSA-P384',
  'RSA-2048',
  'RSA-3072',
  'RSA-4096',
] as const;

/** One accepted key type, e.g. 'ECDSA-P256'. */
export type KeyType = (typeof ACCEPTED_KEY_TYPES)[number];

/** The only RSA public exponent accepted (F4); e = 3 and other odd values are refused. */
export const RSA_PUBLIC_EXPONENT = 65_537n;

const CURVES: Readonly<Record<string, KeyType>> = {
  prime256v1: 'ECDSA-P256',
  'P-256': 'ECDSA-P256',
  secp384r1: 'ECDSA-P384',
  'P-384': 'ECDSA-P384',
};
const RSA_SIZES: Readonly<Record<number, KeyType>> = {
  2048: 'RSA-2048',
  3072: 'RSA-3072',
  4096: 'RSA-4096',
};

function toKeyObject(publicKey: PublicKey | ArrayBuffer | ArrayBufferView): KeyObject {
  const spki =
    publicKey instanceof ArrayBuffer
      ? new Uint8Array(publicKey)
      : ArrayBuffer.isView(publicKey)
        ? new Uint8Array(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength)
        : new Uint8Array(publicKey.rawData);
  try {
    // OpenSSL decodes the SubjectPublicKeyInfo and checks that an EC point lies on its curve.
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new PkiError('KEY_REJECTED', { cause });
  }
}

/** Returns the type of an acceptable SubjectPublicKeyInfo, or throws KEY_REJECTED. */
export function checkPublicKey(publicKey: PublicKey | ArrayBuffer | ArrayBufferView): KeyType {
  const key = toKeyObject(publicKey);
  const details = key.asymmetricKeyDetails ?? {};
  let keyType: KeyType | undefined;
  if (key.asymmetricKeyType === 'ec' && details.namedCurve !== undefined) {
    keyType = CURVES[details.namedCurve];
  } else if (
    // 'rsa' only: an id-RSASSA-PSS key ('rsa-pss') is refused, like Boulder does.
    key.asymmetricKeyType === 'rsa' &&
    details.publicExponent === RSA_PUBLIC_EXPONENT &&
    details.modulusLength !== undefined
  ) {
    keyType = RSA_SIZES[details.modulusLength];
  }
  if (keyType === undefined) throw new PkiError('KEY_REJECTED');
  return keyType;
}
