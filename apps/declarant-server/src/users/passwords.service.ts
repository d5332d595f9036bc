import type {
  ChangePasswordRequest,
  PasswordLink,
  PasswordTokenInfo,
  UsePasswordTokenRequest,
} from '@passerelle/contracts';
import {
  AppError,
  assertCurrentPassword,
  hashToken,
  newSecretToken,
  hashNewPassword,
} from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import { deleteUserSessions } from '../auth/sessions.repository';
import type { AppContext } from '../context';
import {
  consumePasswordToken,
  findPasswordToken,
  replacePasswordToken,
} from './password-tokens.repository';
import { findFirm, findUserById, updatePasswordHash, type UserRow } from './users.repository';

const INVALID_LINK = 'Ce lien n’est plus valide.';

/**
 * Changes the caller's password after checking the current one; their other sessions end. The
 * check counts against the sign-in limits of the account and the address (reserved before the
 * Argon2id work), so a stolen session cannot be used to guess the password faster than sign-in.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  caller: Caller,
  input: Pick<ChangePasswordRequest, 'currentPassword' | 'password'>,
  ip: string,
): Promise<void> {
  const { user } = caller;
  const current = { email: user.email, passwordHash: user.password_hash };
  await assertCurrentPassword(
    ctx,
    { scope: 'sign-in', ...current, ip, password: input.currentPassword },
    async (refusal) => {
      const reason = refusal === 'rate_limited' ? 'rate_limited' : 'wrong_current_password';
      await appendAuditEvent(
        ctx.db,
        {
          action: 'user.password_change_failed',
          actorUserId: user.id,
          targetUserId: user.id,
          ip,
          details: { reason },
        },
        ctx.now(),
      );
    },
  );
  await setPassword(ctx, user, input.password, caller.firm.name);
  await deleteUserSessions(ctx.db, user.id, caller.sessionIdHash);
  await appendAuditEvent(
    ctx.db,
    { action: 'user.password_changed', actorUserId: user.id, targetUserId: user.id, ip },
    ctx.now(),
  );
}

/**
 * Creates a one-time link to choose a password (an invitation or a reset); earlier unused
 * links of the user die. Only the token's hash is stored: the URL is shown once.
 */
export async function createPasswordLink(
  ctx: AppContext,
  user: UserRow,
  purpose: 'invite' | 'reset',
  createdBy: string,
): Promise<PasswordLink> {
  const token = newSecretToken();
  const now = ctx.now();
  const lifetime = purpose === 'invite' ? ctx.config.inviteLinkMs : ctx.config.resetLinkMs;
  const expiresAt = new Date(now.getTime() + lifetime).toISOString();
  await replacePasswordToken(ctx.db, {
    token_hash: hashToken(token),
    user_id: user.id,
    purpose,
    created_by: createdBy,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  return { url: `${ctx.config.publicUrl}/definir-mot-de-passe#jeton=${token}`, expiresAt };
}

/** What a link is for, if it is still usable; 410 `PASSWORD_TOKEN_INVALID` otherwise. */
export async function lookupPasswordLink(
  ctx: AppContext,
  token: string,
): Promise<PasswordTokenInfo> {
  const { row, user } = await usableLink(ctx, token);
  return {
    purpose: row.purpose,
    email: user.email,
    firstName: user.first_name,
    expiresAt: row.expires_at,
  };
}

/** Sets the password through a link, once; every session of the user ends. */
export async function usePasswordLink(
  ctx: AppContext,
  input: Pick<UsePasswordTokenRequest, 'token' | 'password'>,
  ip: string,
): Promise<void> {
  const { row, user } = await usableLink(ctx, input.token);
  const firm = await findFirm(ctx.db);
  const hash = await hashNewPassword(input.password, {
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    firmName: firm?.name,
  });
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await consumePasswordToken(tx, row.token_hash, at))) {
      throw new AppError('PASSWORD_TOKEN_INVALID', INVALID_LINK);
    }
    await updatePasswordHash(tx, user.id, hash, at);
    await deleteUserSessions(tx, user.id);
  });
  await appendAuditEvent(
    ctx.db,
    { action: 'user.password_changed', targetUserId: user.id, ip, details: { via: row.purpose } },
    ctx.now(),
  );
}

async function usableLink(ctx: AppContext, token: string) {
  const row = await findPasswordToken(ctx.db, hashToken(token));
  if (!row || row.used_at !== null || Date.parse(row.expires_at) <= ctx.now().getTime()) {
    throw new AppError('PASSWORD_TOKEN_INVALID', INVALID_LINK);
  }
  const user = await findUserById(ctx.db, row.user_id);
  if (!user) throw new AppError('PASSWORD_TOKEN_INVALID', INVALID_LINK);
  return { row, user };
}

async function setPassword(ctx: AppContext, user: UserRow, password: string, firmName: string) {
  const hash = await hashNewPassword(password, {
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    firmName,
  });
  await updatePasswordHash(ctx.db, user.id, hash, ctx.now().toISOString());
}
