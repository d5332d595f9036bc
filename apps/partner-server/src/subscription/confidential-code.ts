import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '@passerelle/server-kit';

/** Crockford's base32 alphabet: no I, L, O, U, so codes read aloud or retyped stay unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 symbols × 5 bits = 100 bits of entropy (the issue asks ≥ 80), shown as 5 groups of 4. */
const LENGTH = 20;

/** A new code, e.g. `7K3M-QX2P-…`, from the CSPRNG without modulo bias (32 divides 256). */
export function generateConfidentialCode(random: (n: number) => Buffer = randomBytes): string {
  const symbols = [...random(LENGTH)].map((byte) => ALPHABET[byte % 32]).join('');
  return symbols.match(/.{4}/g)?.join('-') ?? symbols;
}

/**
 * What a person typed, made comparable: case, spaces and dashes ignored, and Crockford's
 * look-alikes mapped (O→0, I/L→1). Undefined when it cannot be a code.
 */
export function normalizeConfidentialCode(input: string): string | undefined {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== LENGTH || [...cleaned].some((c) => !ALPHABET.includes(c)))
    return undefined;
  return cleaned;
}

function hmacKey(keyring: Keyring, keyId: string): Buffer {
  const master = keyring.keys.get(keyId);
  if (!master) throw new Error(`clé maître « ${keyId} » inconnue`);
  return Buffer.from(
    hkdfSync('sha256', master, Buffer.alloc(0), 'passerelle confidential code', 32),
  );
}

/**
 * Keyed hash of a normalised code, `<keyId>:<hex>`: a stolen database alone cannot test guesses
 * offline, and the key id lets old hashes be checked after a master key rotation.
 */
export function hashConfidentialCode(keyring: Keyring, normalized: string): string {
  const mac = createHmac('sha256', hmacKey(keyring, keyring.currentId))
    .update(normalized)
    .digest('hex');
  return `${keyring.currentId}:${mac}`;
}

/** Compares a typed code with a stored keyed hash in constant time. */
export function confidentialCodeMatches(keyring: Keyring, stored: string, typed: string): boolean {
  const normalized = normalizeConfidentialCode(typed) ?? '';
  const [keyId, hex] = stored.split(':');
  if (!keyId || !hex || !keyring.keys.has(keyId)) return false;
  const expected = Buffer.from(hex, 'hex');
  const actual = createHmac('sha256', hmacKey(keyring, keyId)).update(normalized).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
