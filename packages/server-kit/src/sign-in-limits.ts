import { AppError } from './app-error';
import { intVar } from './config';
import { verifyAgainstDummy, verifyPassword } from './password-hash';
import type { Limit, RateLimiter } from './rate-limit';

/** Sign-in limits: failures per account and attempts per IP address in one fixed window. */
export interface SignInLimits {
  maxFailuresPerAccount: number;
  maxAttemptsPerIp: number;
  windowMs: number;
}

/** What a limited password check concluded. */
export type CredentialCheck =
  { ok: true } | { ok: false; reason: 'wrong_credentials' | 'rate_limited'; retryAfter?: number };

/**
 * Checks a password under the sign-in limits shared by every server: the IP and account
 * counters are consulted first (a limited caller learns nothing about the password), every
 * attempt counts for the IP, every failure for the account, a success resets the account.
 * Unknown accounts (`passwordHash` undefined) cost the same Argon2id work as known ones.
 */
export async function checkCredentialsWithLimits(
  limiter: RateLimiter,
  limits: SignInLimits,
  input: {
    scope: string;
    email: string;
    ip: string;
    passwordHash: string | null | undefined;
    password: string;
  },
): Promise<CredentialCheck> {
  const ipKey = `${input.scope}:ip:${input.ip}`;
  const accountKey = `${input.scope}:account:${input.email}`;
  const accountLimit: Limit = { max: limits.maxFailuresPerAccount, windowMs: limits.windowMs };
  const ipLimit: Limit = { max: limits.maxAttemptsPerIp, windowMs: limits.windowMs };
  const retryAfter = Math.max(
    await limiter.retryAfter(ipKey, ipLimit),
    await limiter.retryAfter(accountKey, accountLimit),
  );
  if (retryAfter > 0) return { ok: false, reason: 'rate_limited', retryAfter };
  await limiter.hit(ipKey, ipLimit);
  const ok = input.passwordHash
    ? await verifyPassword(input.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!ok) {
    await limiter.hit(accountKey, accountLimit);
    return { ok: false, reason: 'wrong_credentials' };
  }
  await limiter.reset(accountKey);
  return { ok: true };
}

/** The 429 answer for a limited caller, with `Retry-After` in seconds. */
export function rateLimitedError(
  retryAfter: number,
  message = 'Trop de tentatives. Réessayez plus tard.',
) {
  return new AppError('RATE_LIMITED', message, { headers: { 'retry-after': String(retryAfter) } });
}

/** The sign-in limit variables every server reads (defaults: 10 failures, 100 attempts, 15 min). */
export const signInConfigShape = {
  /** Failed sign-ins on one account, per window, before it is refused with 429. */
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: intVar(10, 1, 100),
  /** Sign-in attempts from one IP address, per window, before it is refused with 429. */
  SIGN_IN_MAX_ATTEMPTS_PER_IP: intVar(100, 1, 10000),
  /** Length of the sign-in rate-limit window, in minutes. */
  SIGN_IN_WINDOW_MINUTES: intVar(15, 1, 24 * 60),
};

/** The limits from the variables of {@link signInConfigShape}. */
export function signInLimitsFrom(raw: {
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: number;
  SIGN_IN_MAX_ATTEMPTS_PER_IP: number;
  SIGN_IN_WINDOW_MINUTES: number;
}): SignInLimits {
  return Object.freeze({
    maxFailuresPerAccount: raw.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
    maxAttemptsPerIp: raw.SIGN_IN_MAX_ATTEMPTS_PER_IP,
    windowMs: raw.SIGN_IN_WINDOW_MINUTES * 60_000,
  });
}
