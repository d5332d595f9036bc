import { spawnSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportPkcs8 } from './certificate-key';
import { generateKeyPairAndCsr, type GeneratedKeyType } from './key-pair';
import {
  DEFAULT_KEY_WRAP_PARAMS,
  deriveWrappingKey,
  unwrapPrivateKey,
  wrappedKeyParams,
  wrapPrivateKey,
} from './key-wrap';
import { codeOf, syncCodeOf } from '../testing/error-code';

// The pinned vector: any change of format, KDF, cipher or associated data breaks it.
const PASSWORD = 'Clé de test — ne pas utiliser';
const SALT = Buffer.from('passerelle-sel16', 'utf8');
const NONCE = Buffer.from('a0a1a2a3a4a5a6a7a8a9aaab', 'hex');
const PLAINTEXT = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const CONTEXT = 'user:00000000-0000-4000-8000-000000000001';
const HEADER = 'pkw1$argon2id$v=19$m=65536,t=3,p=1';
const KEY_HEX = '00df5e88daedb42e0bf3d7a1427a0867f7a0d7391e1ade6ff4cd945390f68871';
const WRAPPED =
  `${HEADER}$cGFzc2VyZWxsZS1zZWwxNg$oKGio6Slpqeoqaqr$` +
  'kifIsCy4-SY-sgRezutqsoDvIacBccsCYN8YJCepJ_Jfvy6dAyT218IUgch2fseY';

const opensslHasArgon2 = /ARGON2ID/i.test(
  spawnSync('openssl', ['list', '-kdf-algorithms'], { encoding: 'utf8' }).stdout ?? '',
);
const argon2Cli = spawnSync('argon2', ['-h'], { encoding: 'utf8' });
const hasArgon2Cli = !argon2Cli.error;

const wrapVector = () =>
  wrapPrivateKey(PLAINTEXT, PASSWORD, { associatedData: CONTEXT, salt: SALT, nonce: NONCE });

/** `WRAPPED` with one bit flipped in byte `index` of its `part`-th `$` field (base64url). */
function flipBit(part: number, index: number): string {
  const fields = WRAPPED.split('$');
  const bytes = Buffer.from(fields[part]!, 'base64url');
  bytes[index < 0 ? bytes.length + index : index]! ^= 0x01;
  fields[part] = bytes.toString('base64url');
  return fields.join('$');
}

describe('wrapPrivateKey / unwrapPrivateKey', () => {
  it.each<GeneratedKeyType>(['ECDSA-P256', 'RSA-2048'])('round-trips a %s key', async (type) => {
    const pkcs8 = await exportPkcs8((await generateKeyPairAndCsr({ keyType: type })).privateKey);
    const wrapped = await wrapPrivateKey(pkcs8, PASSWORD, { associatedData: CONTEXT });
    expect(wrapped).toMatch(
      /^pkw1\$argon2id\$v=19\$m=65536,t=3,p=1\$[\w-]{22}\$[\w-]{16}\$[\w-]+$/,
    );
    expect(wrapped).not.toContain(PASSWORD);
    expect(await unwrapPrivateKey(wrapped, PASSWORD, CONTEXT)).toEqual(pkcs8);
    const again = await wrapPrivateKey(pkcs8, PASSWORD, { associatedData: CONTEXT });
    expect(again).not.toBe(wrapped); // fresh salt and nonce each time
  });

  it('gives the pinned output for the fixed vector, and opens it', async () => {
    expect(await wrapVector()).toBe(WRAPPED);
    expect(await unwrapPrivateKey(WRAPPED, PASSWORD, CONTEXT)).toEqual(PLAINTEXT);
    expect((await deriveWrappingKey(PASSWORD, SALT, DEFAULT_KEY_WRAP_PARAMS)).toString('hex')).toBe(
      KEY_HEX,
    );
  });

  it.skipIf(!opensslHasArgon2)(
    'derives the same Argon2id key as openssl kdf ARGON2ID (needs OpenSSL >= 3.2)',
    () => {
      const args = ['kdf', '-keylen', '32', '-kdfopt', `pass:${PASSWORD}`];
      args.push('-kdfopt', `hexsalt:${SALT.toString('hex')}`, '-kdfopt', 'memcost:65536');
      args.push('-kdfopt', 'iter:3', '-kdfopt', 'lanes:1', 'ARGON2ID');
      const result = spawnSync('openssl', args, { encoding: 'utf8' });
      expect(result.stdout.trim().replaceAll(':', '').toLowerCase()).toBe(KEY_HEX);
    },
  );

  it.skipIf(!hasArgon2Cli)(
    'derives the same key as the reference argon2 CLI (Debian package argon2, if installed)',
    () => {
      const args = [SALT.toString('utf8'), '-id', '-m', '16', '-t', '3', '-p', '1', '-l', '32'];
      const result = spawnSync('argon2', [...args, '-r'], { input: PASSWORD, encoding: 'utf8' });
      expect(result.stdout.trim()).toBe(KEY_HEX);
    },
  );

  it('is plain AES-256-GCM over the documented associated data (WebCrypto opens it)', async () => {
    const [, , , , , nonce, sealed] = WRAPPED.split('$');
    const raw = Buffer.from(KEY_HEX, 'hex');
    const key = await webcrypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    const additionalData = Buffer.from(CONTEXT + HEADER, 'utf8');
    const iv = Buffer.from(nonce!, 'base64url');
    const opened = await webcrypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData, tagLength: 128 },
      key,
      Buffer.from(sealed!, 'base64url'),
    );
    expect(Buffer.from(opened)).toEqual(PLAINTEXT);
  });

  it('answers WRONG_PASSWORD to a wrong password or another context', async () => {
    expect(await codeOf(unwrapPrivateKey(WRAPPED, 'Cle de test — ne pas utiliser', CONTEXT))).toBe(
      'WRONG_PASSWORD',
    );
    expect(await codeOf(unwrapPrivateKey(WRAPPED, PASSWORD, `${CONTEXT}2`))).toBe('WRONG_PASSWORD');
  });

  it.each([
    ['a ciphertext bit', () => flipBit(6, 0)],
    ['a tag bit', () => flipBit(6, -1)],
    ['a nonce bit', () => flipBit(5, 11)],
    ['a salt bit', () => flipBit(4, 0)],
    ['the memory', () => WRAPPED.replace('m=65536', 'm=65537')],
    ['the iterations', () => WRAPPED.replace('t=3', 't=4')],
    ['the lanes', () => WRAPPED.replace('p=1', 'p=2')],
  ])('answers WRONG_PASSWORD when %s is changed', async (_, tamper) => {
    const tampered = tamper();
    expect(tampered).not.toBe(WRAPPED);
    expect(await codeOf(unwrapPrivateKey(tampered, PASSWORD, CONTEXT))).toBe('WRONG_PASSWORD');
  });

  it('answers WRAPPED_KEY_INVALID to anything that is not a wrapped key', async () => {
    const [, , , , salt, nonce, sealed] = WRAPPED.split('$');
    const body = `$${salt}$${nonce}$${sealed}`;
    const garbage = [
      '',
      'pkw1',
      'garbage',
      'é'.repeat(100),
      WRAPPED.replace('pkw1', 'pkw2'),
      WRAPPED.replace('argon2id', 'argon2i'),
      WRAPPED.replace('v=19', 'v=16'),
      WRAPPED.replace('m=65536', 'm=065536'),
      WRAPPED.replace('m=65536', 'm=4194305'), // above the 4 GiB cap
      WRAPPED.replace('t=3', 't=101'),
      WRAPPED.replace('p=1', 'p=0'),
      WRAPPED.replace('p=1', 'p=17'),
      WRAPPED.replace(',t=3', ''),
      `${HEADER}$${salt!.slice(0, -2)}$${nonce}$${sealed}`, // 15-byte salt
      `${HEADER}$${salt}$${nonce}AA$${sealed}`, // 13-byte nonce
      `${HEADER}$${salt}$${nonce}$${sealed!.slice(0, 20)}`, // shorter than a tag
      `${HEADER}$${salt!.slice(0, -1)}h$${nonce}$${sealed}`, // non-canonical base64url
      `${HEADER}$${salt}==$${nonce}$${sealed}`,
      `${HEADER}${body}$`,
      `${HEADER}${body}\n`,
      ` ${WRAPPED}`,
      `${HEADER}$${salt}$${nonce}$${sealed}${'A'.repeat(20_000)}`,
      undefined as unknown as string,
    ];
    for (const text of garbage) {
      expect(await codeOf(unwrapPrivateKey(text, PASSWORD, CONTEXT)), text).toBe(
        'WRAPPED_KEY_INVALID',
      );
    }
    expect(syncCodeOf(() => wrappedKeyParams('pkw1$nope'))).toBe('WRAPPED_KEY_INVALID');
  });

  it('reports the params a key was wrapped with', async () => {
    expect(wrappedKeyParams(WRAPPED)).toEqual({ memoryKib: 65536, iterations: 3, parallelism: 1 });
    const params = { memoryKib: 65536 + 1024, iterations: 4, parallelism: 2 };
    const wrapped = await wrapPrivateKey(PLAINTEXT, PASSWORD, { associatedData: '', params });
    expect(wrappedKeyParams(wrapped)).toEqual(params);
    expect(await unwrapPrivateKey(wrapped, PASSWORD, '')).toEqual(PLAINTEXT);
  });

  it('refuses to wrap with params below the floor or beyond the caps', async () => {
    const wrap = (params: typeof DEFAULT_KEY_WRAP_PARAMS) =>
      wrapPrivateKey(PLAINTEXT, PASSWORD, { associatedData: CONTEXT, params });
    const base = DEFAULT_KEY_WRAP_PARAMS;
    expect(await codeOf(wrap({ ...base, memoryKib: 65535 }))).toBe('PROTECTION_TOO_WEAK');
    expect(await codeOf(wrap({ ...base, iterations: 2 }))).toBe('PROTECTION_TOO_WEAK');
    await expect(wrap({ ...base, iterations: 101 })).rejects.toThrow(RangeError);
    await expect(wrap({ ...base, parallelism: 0 })).rejects.toThrow(RangeError);
    await expect(wrap({ ...base, memoryKib: 65536.5 })).rejects.toThrow(RangeError);
  });

  it('hands the caller buffers of its own: zeroing them changes nothing later', async () => {
    const key = await deriveWrappingKey(PASSWORD, SALT, DEFAULT_KEY_WRAP_PARAMS);
    key.fill(0);
    const opened = await unwrapPrivateKey(WRAPPED, PASSWORD, CONTEXT);
    opened.fill(0);
    expect(await wrapVector()).toBe(WRAPPED);
    expect(await unwrapPrivateKey(WRAPPED, PASSWORD, CONTEXT)).toEqual(PLAINTEXT);
    expect(PLAINTEXT[31]).toBe(31); // the caller's plaintext is not wiped by wrapping
  });
});
