import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_KEY_TYPES, checkPublicKey } from './key-policy';
import { PkiError } from '../pki-error';

const spki = (publicKey: KeyObject) => publicKey.export({ type: 'spki', format: 'der' });
const rsa = (modulusLength: number, publicExponent = 65_537) =>
  spki(generateKeyPairSync('rsa', { modulusLength, publicExponent }).publicKey);
const ec = (namedCurve: string) => spki(generateKeyPairSync('ec', { namedCurve }).publicKey);

function rejection(run: () => unknown): PkiError {
  try {
    run();
  } catch (error) {
    if (error instanceof PkiError) return error;
    throw error;
  }
  throw new Error('the key was accepted');
}

describe('checkPublicKey', () => {
  it('publishes the five accepted key types', () => {
    expect(ACCEPTED_KEY_TYPES).toEqual([
      'ECDSA-P256',
      'ECDSA-P384',
      'RSA-2048',
      'RSA-3072',
      'RSA-4096',
    ]);
  });

  it('accepts ECDSA P-256 and P-384 keys', () => {
    expect(checkPublicKey(ec('P-256'))).toBe('ECDSA-P256');
    expect(checkPublicKey(ec('prime256v1'))).toBe('ECDSA-P256');
    expect(checkPublicKey(ec('P-384'))).toBe('ECDSA-P384');
  });

  it('accepts RSA 2048, 3072 and 4096-bit keys with e = 65537', () => {
    expect(checkPublicKey(rsa(2048))).toBe('RSA-2048');
    expect(checkPublicKey(rsa(3072))).toBe('RSA-3072');
    expect(checkPublicKey(rsa(4096))).toBe('RSA-4096');
  });

  it('takes the SubjectPublicKeyInfo as a Buffer, an ArrayBuffer or a view', () => {
    const der = ec('P-256');
    const copy = new Uint8Array(der).buffer;
    expect(checkPublicKey(copy)).toBe('ECDSA-P256');
    expect(checkPublicKey(new Uint8Array(copy))).toBe('ECDSA-P256');
  });

  it.each([
    ['RSA-1024', () => rsa(1024)],
    ['RSA-2040 (below 2048)', () => rsa(2040)],
    ['RSA-2056 (not a listed size)', () => rsa(2056)],
    ['RSA-2048 with e = 3', () => rsa(2048, 3)],
    ['RSA-2048 with e = 65539', () => rsa(2048, 65_539)],
    ['RSA-PSS', () => spki(generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey)],
    ['ECDSA P-521', () => ec('P-521')],
    ['ECDSA secp256k1', () => ec('secp256k1')],
    ['Ed25519', () => spki(generateKeyPairSync('ed25519').publicKey)],
    ['X25519', () => spki(generateKeyPairSync('x25519').publicKey)],
    ['bytes that are no key', () => Buffer.from('30030201ff', 'hex')],
  ])('refuses %s with KEY_REJECTED', (_name, makeKey) => {
    const error = rejection(() => checkPublicKey(makeKey()));
    expect(error.code).toBe('KEY_REJECTED');
    expect(error.message).toContain('Type de clé refusé');
  });

  it('refuses an EC point that is not on the curve', () => {
    const der = Buffer.from(ec('P-256'));
    der[der.length - 1]! ^= 0x01; // flips a bit of the point's y coordinate
    expect(rejection(() => checkPublicKey(der)).code).toBe('KEY_REJECTED');
  });
});
