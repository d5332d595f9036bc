import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateData } from './data-permissions';

/**
 * Master keys by id; `currentId` encrypts, every listed key decrypts, so old ciphertexts keep
 * opening while a rotation re-encrypts them.
 */
export interface Keyring {
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Thrown when a ciphertext cannot be opened: unknown key id, wrong context, or tampering. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const VERSION = 'v1';

/**
 * Parses a keyring written `id=base64key;id2=base64key` (each key 32 bytes); the last entry is
 * the current one, so a rotation appends a new key.
 */
export function parseKeyring(text: string): Keyring {
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const entry of text
    .trim()
    .split(/[;\n]+/)
    .filter(Boolean)) {
    const [id, b64] = entry.split('=', 2).map((part) => part.trim());
    if (!id || !b64 || !/^[\w-]{1,32}$/.test(id))
      throw new Error('clé maître mal formée (id=base64)');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`la clé maître « ${id} » doit faire 32 octets`);
    keys.set(id, key);
    currentId = id;
  }
  if (!currentId) throw new Error('aucune clé maître');
  return { currentId, keys };
}

/** Writes a keyring in the text form read by {@link parseKeyring}. */
export function formatKeyring(keyring: Keyring): string {
  const ids = [...keyring.keys.keys()].filter((id) => id !== keyring.currentId);
  return [...ids, keyring.currentId]
    .map((id) => `${id}=${keyring.keys.get(id)?.toString('base64')}`)
    .join(';');
}

/** A new random 256-bit key appended as the current one, with the next numeric id (`k1`, `k2`…). */
export function addKey(keyring: Keyring | undefined): Keyring {
  const keys = new Map(keyring?.keys ?? []);
  // Never reuse a retired id: the next number after the highest ever kept.
  const numbers = [...keys.keys()].map((key) => Number(/^k(\d+)$/.exec(key)?.[1] ?? 0));
  const id = `k${Math.max(0, ...numbers) + 1}`;
  keys.set(id, randomBytes(32));
  return { currentId: id, keys };
}

/**
 * Reads the keyring from `file`; for the embedded default, creates the file with a fresh key
 * and mode 0600 (its folder 0700) when it does not exist. A file or folder readable by others
 * is refused (`DataPermissionError`, naming the chmod to run).
 */
export function loadKeyringFile(file: string, options: { create: boolean }): Keyring {
  if (!existsSync(file) && !options.create) {
    throw new Error(`fichier de clé maître absent : ${file}`);
  }
  ensurePrivateData(dirname(file), [file]);
  if (!existsSync(file)) {
    writeFileSync(file, `${formatKeyring(addKey(undefined))}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return parseKeyring(readFileSync(file, 'utf8'));
}

/**
 * Encrypts with AES-256-GCM under the current key: random 96-bit nonce, 128-bit tag, and
 * `context` (e.g. "refresh-token:<user id>") authenticated with the key id, so a ciphertext
 * moved to another row or purpose fails to open. Output: `v1.<keyId>.<nonce>.<ciphertext+tag>`.
 */
export function sealSecret(keyring: Keyring, plaintext: Buffer, context: string): string {
  const key = keyring.keys.get(keyring.currentId);
  if (!key) throw new SecretBoxError('clé courante absente');
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(`${VERSION}.${keyring.currentId}.${context}`, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keyring.currentId, nonce.toString('base64url'), body.toString('base64url')].join(
    '.',
  );
}

/** Opens a {@link sealSecret} output with the key it names; throws {@link SecretBoxError}. */
export function openSecret(keyring: Keyring, sealed: string, context: string): Buffer {
  const [version, keyId, nonceB64, bodyB64] = sealed.split('.');
  if (version !== VERSION || !keyId || !nonceB64 || !bodyB64) {
    throw new SecretBoxError('secret chiffré mal formé');
  }
  const key = keyring.keys.get(keyId);
  if (!key) throw new SecretBoxError(`clé maître « ${keyId} » inconnue`);
  const body = Buffer.from(bodyB64, 'base64url');
  if (body.length < 16) throw new SecretBoxError('secret chiffré mal formé');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceB64, 'base64url'));
  decipher.setAAD(Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new SecretBoxError('secret chiffré altéré ou contexte différent');
  }
}

/** The key id a sealed secret was made with (to find what a rotation must re-encrypt). */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split('.')[1];
}

/** The keyring from its environment value, else from the embedded default's key file. */
export function loadKeyring(value: string | undefined, defaultFile: string): Keyring {
  return value ? parseKeyring(value) : loadKeyringFile(defaultFile, { create: true });
}
