import { AppError, checkCredentialsWithLimits, credentialRefusal } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { findUserByEmail, type UserRow } from '../users/users.repository';
import { accountInactive } from './session-errors';
import { openSession } from './sessions.service';

/** What a successful sign-in gives: the user and the token for the session cookie. */
export interface SignedIn {
  user: UserRow;
  token: string;
}

/**
 * Checks an email and password under the sign-in limits (see the config). Unknown emails get
 * the same answer and the same Argon2id work as wrong passwords; the account status is told
 * only to someone who knows the password.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
  ip: string,
): Promise<SignedIn> {
  const user = await findUserByEmail(ctx.db, input.email);
  const check = await checkCredentialsWithLimits(ctx.rateLimiter, ctx.config.signIn, {
    scope: 'sign-in',
    email: input.email,
    ip,
    passwordHash: user?.password_hash,
    password: input.password,
  });
  if (!check.ok) {
    await audit(ctx, user, ip, { email: input.email, reason: check.reason });
    throw credentialRefusal(
      check,
      new AppError('INVALID_CREDENTIALS', 'Adresse email ou mot de passe incorrect.'),
      'Trop de tentatives de connexion. Réessayez plus tard.',
    );
  }
  if (!user || user.status !== 'active') {
    await audit(ctx, user, ip, { email: input.email, reason: 'inactive' });
    throw accountInactive();
  }
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
