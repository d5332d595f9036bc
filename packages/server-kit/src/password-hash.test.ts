import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('makes Argon2id PHC strings with 64 MiB, t=3, p=1 and a random salt', async () => {
    const a = await hashPassword('une phrase de passe');
    const b = await hashPassword('une phrase de passe');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'une phrase de passe')).toBe(true);
    expect(await verifyPassword(a, 'une phrase de passE')).toBe(false);
  });

  it('treats a malformed hash as a mismatch, and the dummy never matches', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyAgainstDummy('passerelle-dummy-password-for-timing')).toBe(false);
  });
});
