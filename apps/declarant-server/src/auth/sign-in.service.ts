import { AppError, verifyAgainstDummy, verifyPassword, type Limit } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { findUserByEmail, type UserRow } from '../users/users.repository';
import { openSession } from './sessions.service';

/** What a successful sign-in gives: the user and the token for the session cookie. */
export interface SignedIn {
  user: UserRow;
  token: string;
}

const WRONG = 'Adresse email ou mot de passe incorrect.';

/**
 * Checks an email and password. Unknown emails cost the same Argon2id work as wrong
 * passwords and get the same answer. Limits: failures per account and attempts per IP address
 * in a fixed window (see the config); the account status is told only to someone who knows
 * the password.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
  ip: string,
): Promise<SignedIn> {
  const { signIn: limits } = ctx.config;
  const ipKey = `sign-in:ip:${ip}`;
  const accountKey = `sign-in:account:${input.email}`;
  const accountLimit: Limit = { max: limits.maxFailuresPerAccount, windowMs: limits.windowMs };
  const ipLimit: Limit = { max: limits.maxAttemptsPerIp, windowMs: limits.windowMs };

  const wait = Math.max(
    await ctx.rateLimiter.retryAfter(ipKey, ipLimit),
    await ctx.rateLimiter.retryAfter(accountKey, accountLimit),
  );
  if (wait > 0) {
    await audit(ctx, undefined, ip, { email: input.email, reason: 'rate_limited' });
    throw new AppError('RATE_LIMITED', 'Trop de tentatives de connexion. Réessayez plus tard.', {
      headers: { 'retry-after': String(wait) },
    });
  }
  await ctx.rateLimiter.hit(ipKey, ipLimit);

  const user = await findUserByEmail(ctx.db, input.email);
  const ok = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    await ctx.rateLimiter.hit(accountKey, accountLimit);
    await audit(ctx, user, ip, { email: input.email, reason: 'wrong_credentials' });
    throw new AppError('INVALID_CREDENTIALS', WRONG);
  }
  if (user.status !== 'active') {
    await audit(ctx, user, ip, { email: input.email, reason: 'inactive' });
    throw new AppError(
      'ACCOUNT_INACTIVE',
      "Votre compte est inactif. Contactez l'administrateur du cabinet.",
    );
  }
  await ctx.rateLimiter.reset(accountKey);
  const token = await openSession(ctx, user.id);
  await appendAuditEvent(ctx.db, { action: 'auth.sign_in', actorUserId: user.id, ip }, ctx.now());
  return { user, token };
}

async function audit(
  ctx: AppContext,
  user: UserRow | undefined,
  ip: string,
  details: { email: string; reason: string },
) {
  await appendAuditEvent(
    ctx.db,
    { action: 'auth.sign_in_failed', targetUserId: user?.id ?? null, ip, details },
    ctx.now(),
  );
}
