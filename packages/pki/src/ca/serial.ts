import { defaultCrypto } from '../engine';
import type { webcrypto } from 'node:crypto';

/** Serial length in octets: 128 bits, twice the CA/B Forum minimum of 64 random bits. */
export const SERIAL_OCTETS = 16;

/**
 * A random positive certificate serial as lower-case hex (32 digits). The first octet is drawn
 * again until it lies in 0x01–0x7f: the top bit clear keeps the DER INTEGER positive without a
 * padding octet, and a non-zero first octet keeps the hex identical to what the certificate
 * shows (DER drops leading zero octets). That leaves 127 bits of CSPRNG output.
 */
export function randomSerialHex(crypto: webcrypto.Crypto = defaultCrypto): string {
  const octets = new Uint8Array(SERIAL_OCTETS);
  crypto.getRandomValues(octets);
  const first = new Uint8Array(1);
  let head = (octets[0] ?? 0) & 0x7f;
  while (head === 0) {
    crypto.getRandomValues(first);
    head = (first[0] ?? 0) & 0x7f;
  }
  octets[0] = head;
  return Buffer.from(octets).toString('hex');
}

/** True when `hex` is a serial this CA may use: lower-case, minimal, positive, ≤ 20 octets. */
export function isValidSerialHex(hex: string): boolean {
  return /^(?:[1-7][0-9a-f]|0[1-9a-f])(?:[0-9a-f]{2}){0,19}$/.test(hex);
}
