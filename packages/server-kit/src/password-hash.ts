import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2 (an ambient const enum, which isolated modules cannot read).
const ARGON2ID = 2;

/**
 * Argon2id parameters for account passwords: 64 MiB, 3 passes, 1 lane (RFC 9106's
 * memory-constrained choice, above OWASP's 19 MiB/t=2 minimum; about 60 ms here). They are
 * written into each PHC string, so raising them later only affects new hashes.
 */
export const PASSWORD_HASH_PARAMS = {
  algorithm: ARGON2ID,
  memoryCost: 65536,
  timeCost: 3,
  parallelism: 1,
} as const;

/** Hashes a password into a self-describing `$argon2id$…` PHC string with a random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_PARAMS);
}

/** True when `password` matches the PHC string; a malformed hash counts as a mismatch. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real verification, for an unknown account, so that the answer
 * time does not reveal whether an email exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('passerelle-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
