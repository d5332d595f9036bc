// Password wrapping of a user's PKCS#8 signing key, stored by the declarant as one line of text:
//   pkw1$argon2id$v=19$m=65536,t=3,p=1$<salt>$<nonce>$<ciphertext||tag>   (base64url, no padding)
// The key comes from Argon2id (RFC 9106) over the password, and AES-256-GCM seals the PKCS#8
// with the caller's context and the header as associated data, so that neither the params nor
// the row the string belongs to can be swapped without the tag failing.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { PkiError } from '../pki-error';

/** Argon2id cost: memory in KiB, passes, lanes. */
export interface Argon2idParams {
  memoryKib: number;
  iterations: number;
  parallelism: number;
}

/** 64 MiB, 3 passes, 1 lane: RFC 9106's memory-constrained choice, as for account passwords. */
export const DEFAULT_KEY_WRAP_PARAMS: Argon2idParams = Object.freeze({
  memoryKib: 65536,
  iterations: 3,
  parallelism: 1,
});

/** Upper bounds, so that a hostile stored string cannot make unwrapping hang the process. */
const MAX_PARAMS: Argon2idParams = { memoryKib: 4 * 1024 * 1024, iterations: 100, parallelism: 16 };
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** An RSA-4096 PKCS#8 is ~2.4 KiB; anything much larger is not a key. */
const MAX_PLAINTEXT_BYTES = 8 * 1024;
const MAX_WRAPPED_CHARS = 16 * 1024;
// Algorithm.Argon2id and Version.V0x13 of @node-rs/argon2 (ambient const enums, which isolated
// modules cannot read).
const ARGON2ID = 2;
const VERSION_0X13 = 1;

// Numbers without leading zeros and base64url without padding: one spelling per value, so that
// the header text (which is authenticated) cannot be varied while meaning the same thing.
const WRAPPED =
  /^(pkw1\$argon2id\$v=19\$m=([1-9]\d{0,9}),t=([1-9]\d{0,9}),p=([1-9]\d{0,9}))\$([\w-]+)\$([\w-]+)\$([\w-]+)$/;

interface ParsedWrappedKey {
  header: string;
  params: Argon2idParams;
  salt: Buffer;
  nonce: Buffer;
  sealed: Buffer;
}

/** Throws RangeError unless the params are integers Argon2id accepts and within the caps. */
function assertSaneParams(params: Argon2idParams): void {
  const { memoryKib: m, iterations: t, parallelism: p } = params;
  const ok = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
  if (!ok(m, MAX_PARAMS.memoryKib) || !ok(t, MAX_PARAMS.iterations)) {
    throw new RangeError('Argon2id memory or iterations out of range');
  }
  if (!ok(p, MAX_PARAMS.parallelism) || m < 8 * p) {
    throw new RangeError('Argon2id parallelism out of range');
  }
}

/** Decodes canonical unpadded base64url of exactly `length` bytes (at least, when `min`). */
function decodeBase64Url(text: string, length: number, min = false): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return undefined;
  return (min ? bytes.length >= length : bytes.length === length) ? bytes : undefined;
}

/** Splits a wrapped key into its parts; WRAPPED_KEY_INVALID for anything but the exact format. */
function parseWrappedKey(wrapped: string): ParsedWrappedKey {
  const fits = typeof wrapped === 'string' && wrapped.length <= MAX_WRAPPED_CHARS;
  const parts = fits ? WRAPPED.exec(wrapped) : null;
  if (!parts) throw new PkiError('WRAPPED_KEY_INVALID');
  const [, header = '', m, t, p, salt64 = '', nonce64 = '', sealed64 = ''] = parts;
  const params = { memoryKib: Number(m), iterations: Number(t), parallelism: Number(p) };
  try {
    assertSaneParams(params);
  } catch (cause) {
    throw new PkiError('WRAPPED_KEY_INVALID', { cause });
  }
  const salt = decodeBase64Url(salt64, SALT_BYTES);
  const nonce = decodeBase64Url(nonce64, NONCE_BYTES);
  const sealed = decodeBase64Url(sealed64, TAG_BYTES, true);
  if (!salt || !nonce || !sealed) throw new PkiError('WRAPPED_KEY_INVALID');
  return { header, params, salt, nonce, sealed };
}

function headerOf(params: Argon2idParams): string {
  const { memoryKib: m, iterations: t, parallelism: p } = params;
  return `pkw1$argon2id$v=19$m=${m},t=${t},p=${p}`;
}

/** The GCM associated data: the caller's context (e.g. the user id) then the header. */
function associatedDataOf(associatedData: string, header: string): Buffer {
  return Buffer.concat([Buffer.from(associatedData, 'utf8'), Buffer.from(header, 'utf8')]);
}

/**
 * Derives the 32-byte AES key (Argon2id raw hash, version 0x13, UTF-8 password). The caller
 * owns the returned Buffer and should `fill(0)` it after use.
 */
export async function deriveWrappingKey(
  password: string,
  salt: Uint8Array,
  params: Argon2idParams,
): Promise<Buffer> {
  assertSaneParams(params);
  if (salt.length < 8 || salt.length > 64) throw new RangeError('salt must be 8 to 64 bytes');
  return hashRaw(password, {
    algorithm: ARGON2ID,
    version: VERSION_0X13,
    memoryCost: params.memoryKib,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt,
  });
}

/**
 * Seals a PKCS#8 private key under `password`. `associatedData` binds the result to its owner
 * (say `user:<id>`): the same value must be given to unwrap. Params below the default floor
 * are refused (PROTECTION_TOO_WEAK); `salt` and `nonce` are for fixed test vectors only.
 */
export async function wrapPrivateKey(
  pkcs8: Uint8Array,
  password: string,
  options: {
    associatedData: string;
    params?: Argon2idParams;
    salt?: Uint8Array;
    nonce?: Uint8Array;
  },
): Promise<string> {
  const params = options.params ?? DEFAULT_KEY_WRAP_PARAMS;
  assertSaneParams(params);
  if (
    params.memoryKib < DEFAULT_KEY_WRAP_PARAMS.memoryKib ||
    params.iterations < DEFAULT_KEY_WRAP_PARAMS.iterations
  ) {
    throw new PkiError('PROTECTION_TOO_WEAK');
  }
  if (password.length === 0) throw new RangeError('password must not be empty');
  if (pkcs8.length === 0 || pkcs8.length > MAX_PLAINTEXT_BYTES) {
    throw new RangeError('pkcs8 must be 1 to 8192 bytes');
  }
  const salt = options.salt ?? randomBytes(SALT_BYTES);
  const nonce = options.nonce ?? randomBytes(NONCE_BYTES);
  if (salt.length !== SALT_BYTES || nonce.length !== NONCE_BYTES) {
    throw new RangeError('salt must be 16 bytes and nonce 12 bytes');
  }
  const header = headerOf(params);
  const key = await deriveWrappingKey(password, salt, params);
  let sealed: Buffer;
  try {
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedDataOf(options.associatedData, header));
    sealed = Buffer.concat([cipher.update(pkcs8), cipher.final(), cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
  const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  return `${header}$${encode(salt)}$${encode(nonce)}$${encode(sealed)}`;
}

/**
 * Opens a wrapped key: WRAPPED_KEY_INVALID when the string is not one, WRONG_PASSWORD when the
 * tag fails (wrong password, other associated data, or tampering). The returned PKCS#8 is the
 * caller's to zero.
 */
export async function unwrapPrivateKey(
  wrapped: string,
  password: string,
  associatedData: string,
): Promise<Buffer> {
  const { header, params, salt, nonce, sealed } = parseWrappedKey(wrapped);
  const key = await deriveWrappingKey(password, salt, params);
  let plaintext: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedDataOf(associatedData, header));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    decipher.final(); // throws when the tag does not match; GCM's final() outputs nothing
    return plaintext;
  } catch {
    plaintext?.fill(0); // unauthenticated bytes: never returned, never left in memory
    throw new PkiError('WRONG_PASSWORD');
  } finally {
    key.fill(0);
  }
}

/** The Argon2id params a wrapped key was made with, to re-wrap it when the default rises. */
export function wrappedKeyParams(wrapped: string): Argon2idParams {
  return parseWrappedKey(wrapped).params;
}
