import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addKey,
  formatKeyring,
  loadKeyringFile,
  openSecret,
  parseKeyring,
  sealSecret,
  sealedKeyId,
} from './secret-box';

describe('secret box (AES-256-GCM under a keyring)', () => {
  it('round-trips, with a fresh nonce each time and the key id in the output', () => {
    const keyring = addKey(undefined);
    const a = sealSecret(keyring, Buffer.from('jeton secret'), 'ctx:1');
    const b = sealSecret(keyring, Buffer.from('jeton secret'), 'ctx:1');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.k1.')).toBe(true);
    expect(a).not.toContain('jeton');
    expect(openSecret(keyring, a, 'ctx:1').toString()).toBe('jeton secret');
  });

  it('refuses another context, a tampered ciphertext and an unknown key', () => {
    const keyring = addKey(undefined);
    const sealed = sealSecret(keyring, Buffer.from('x'), 'refresh-token:user-1');
    expect(() => openSecret(keyring, sealed, 'refresh-token:user-2')).toThrow(/contexte/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => openSecret(keyring, parts.join('.'), 'refresh-token:user-1')).toThrow(/altéré/);
    expect(() =>
      openSecret(addKey(addKey(undefined)), sealed.replace('.k1.', '.k9.'), 'x'),
    ).toThrow(/inconnue/);
  });

  it('keeps old keys decrypting after a rotation, and encrypts with the new one', () => {
    const v1 = addKey(undefined);
    const old = sealSecret(v1, Buffer.from('ancien'), 'c');
    const v2 = parseKeyring(formatKeyring(addKey(v1)));
    expect(v2.currentId).toBe('k2');
    expect(openSecret(v2, old, 'c').toString()).toBe('ancien');
    expect(sealedKeyId(sealSecret(v2, Buffer.from('neuf'), 'c'))).toBe('k2');
    // After k1 is retired, the next key is k3, not a second k2.
    const retired = { currentId: 'k2', keys: new Map([['k2', v2.keys.get('k2')!]]) };
    expect(addKey(retired).currentId).toBe('k3');
  });

  it('creates the embedded key file with mode 0600 and refuses a world-readable one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-keys-'));
    const file = join(dir, 'master.key');
    const created = loadKeyringFile(file, { create: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeyringFile(file, { create: false }).keys.get('k1')).toEqual(created.keys.get('k1'));
    const loose = join(dir, 'loose.key');
    writeFileSync(loose, formatKeyring(addKey(undefined)), { mode: 0o644 });
    expect(() => loadKeyringFile(loose, { create: false })).toThrow(/chmod 600/);
    expect(() => parseKeyring('k1=AAAA')).toThrow(/32 octets/);
    rmSync(dir, { recursive: true, force: true });
  });
});
