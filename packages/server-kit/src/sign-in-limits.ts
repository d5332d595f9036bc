import { AppError } from './app-error';
import { intVar } from './config';
import { verifyAgainstDummy, verifyPassword } from './password-hash';
import type { Limit, RateLimiter } from './rate-limit.repository';

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
 * Checks a password under the sign-in limits shared by every server. Before any Argon2id work
 * the attempt is reserved atomically on the IP counter, then on the account counter (see
 * {@link RateLimiter.reserve}), so simultaneous requests, on one instance or several, never get
 * more than the limits checked; a limited caller learns nothing about the password. The
 * account's reservation is its failure, counted while the check runs; a success resets the
 * account. An attempt refused for its account gives its IP reservation back (only checked
 * attempts count for the address). Unknown accounts (`passwordHash` undefined) cost the same
 * Argon2id work as known ones.
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
  const ipReservation = await limiter.reserve(ipKey, ipLimit);
  const accountReservation = ipReservation && (await limiter.reserve(accountKey, accountLimit));
  if (!ipReservation || !accountReservation) {
    if (ipReservation) await limiter.release(ipKey, ipReservation);
    const retryAfter = Math.max(
      await limiter.retryAfter(ipKey, ipLimit),
      await limiter.retryAfter(accountKey, accountLimit),
      1, // a success may have reset the account since the refusal: still say when to come back
    );
    return { ok: false, reason: 'rate_limited', retryAfter };
  }
  const ok = input.passwordHash
    ? await verifyPassword(input.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!ok) return { ok: false, reason: 'wrong_credentials' };
  await limiter.reset(accountKey);
  return { ok: true };
}

/** What a credential check reads from a server's context: its limiter and sign-in limits. */
export interface SignInContext {
  rateLimiter: RateLimiter;
  config: { signIn: SignInLimits };
}

/** The refusal of a failed check: 429 with `Retry-After` when limited, else `wrong`. */
export function credentialRefusal(
  check: Exclude<CredentialCheck, { ok: true }>,
  wrong: AppError,
  limitedMessage?: string,
): AppError {
  return check.reason === 'rate_limited'
    ? rateLimitedError(check.retryAfter ?? 60, limitedMessage)
    : wrong;
}

/**
 * Checks the signed-in person's current password before a change of password, under the
 * sign-in limits (so a stolen session cannot guess it faster than sign-in can). A refusal is
 * handed to `onRefused` (to audit or log it), then thrown: 429, or 400 `WRONG_CURRENT_PASSWORD`.
 */
export async function assertCurrentPassword(
  ctx: SignInContext,
  input: Parameters<typeof checkCredentialsWithLimits>[2],
  onRefused: (reason: 'wrong_credentials' | 'rate_limited') => Promise<void> | void,
): Promise<void> {
  const check = await checkCredentialsWithLimits(ctx.rateLimiter, ctx.config.signIn, input);
  if (check.ok) return;
  await onRefused(check.reason);
  throw credentialRefusal(
    check,
    new AppError('WRONG_CURRENT_PASSWORD', 'Mot de passe actuel incorrect.', {
      field: 'currentPassword',
    }),
  );
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
