import type { PasswordResetRequested } from '@passerelle/contracts';
import {
  AppError,
  assertCurrentPassword,
  hashToken,
  newSecretToken,
  hashNewPassword,
} from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { passwordChangedMail, passwordResetMail } from '../mail/account-messages';
import { sendMail, sendMailInBackground } from '../mail/send-mail';
import { SIGN_IN_SCOPE, type PartnerCaller } from '../sessions/sessions.service';
import { revokeAccountFamilies } from '../sessions/tokens.repository';
import { claimAccountLink, findLinkedAccount } from './account-links.repository';
import { findAccountByEmail, updatePasswordHash, type AccountRow } from './accounts.repository';
import { replacePasswordReset, voidPasswordResets } from './password-resets.repository';
import { reserveUnsolicitedEmail } from './unsolicited-email-limits';

const RESET_LINK_INVALID =
  'Ce lien n’est plus valide : il a expiré, a déjà servi ou un lien plus récent l’a remplacé. Demandez-en un nouveau avec « Mot de passe oublié ? ».';

/**
 * Changes the signed-in account's password after checking the current one (under the sign-in
 * limits, reserved before Argon2id, so a stolen session cannot guess faster than sign-in). Every
 * other session of the account ends — the portal's and the software's API sessions, refresh
 * tokens included — as do unused reset links; the owner is told by email.
 */
export async function changeAccountPassword(
  ctx: PartnerContext,
  caller: PartnerCaller,
  input: { currentPassword: string; password: string },
  ip: string,
): Promise<void> {
  const { account } = caller;
  const current = { email: account.admin_email, passwordHash: account.password_hash };
  await assertCurrentPassword(
    ctx,
    { scope: SIGN_IN_SCOPE, ...current, ip, password: input.currentPassword },
    (reason) => ctx.logger.warn({ accountId: account.id, reason }, 'password change refused'),
  );
  await replacePassword(ctx, account, input.password, 'change', caller.familyId);
}

/**
 * "Mot de passe oublié ?": emails a one-time link (256-bit token stored as SHA-256, valid
 * `PASSWORD_RESET_LINK_MINUTES`, earlier links voided) to the address when it is a confirmed
 * account's. Limited per IP and per address before anything is looked up; the answer is the
 * same, and takes the same time (the email leaves in the background), whether the address has
 * an account or not.
 */
export async function requestPasswordReset(
  ctx: PartnerContext,
  email: string,
  ip: string,
): Promise<PasswordResetRequested> {
  await reserveUnsolicitedEmail(ctx, { action: 'password-reset', ip, address: email });
  const account = await findAccountByEmail(ctx.db, email);
  if (account && account.email_verified_at !== null) {
    const token = newSecretToken();
    const now = ctx.now();
    const { resetLinkMs } = ctx.config.accounts;
    await replacePasswordReset(ctx.db, {
      token_hash: hashToken(token),
      account_id: account.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + resetLinkMs).toISOString(),
    });
    const url = `${ctx.config.publicUrl}/portail/nouveau-mot-de-passe?jeton=${token}`;
    sendMailInBackground(ctx, passwordResetMail(ctx.config, email, url, resetLinkMs / 60_000));
  }
  return { sentTo: email };
}

/** The account a reset link is for, when the link is usable; 410 otherwise. Never uses it up. */
export async function findAccountToReset(
  ctx: PartnerContext,
  token: string,
): Promise<{ account: AccountRow; tokenHash: string }> {
  const tokenHash = hashToken(token);
  const now = ctx.now().toISOString();
  const account = await findLinkedAccount(ctx.db, 'password_resets', tokenHash, now);
  if (!account) throw new AppError('PASSWORD_TOKEN_INVALID', RESET_LINK_INVALID);
  return { account, tokenHash };
}

/**
 * Sets a new password through an emailed link, once: the link is claimed atomically in the
 * transaction that changes the password (of simultaneous uses, one wins), every session of the
 * account ends, the sign-in failures of the account are forgotten, and the owner is told.
 */
export async function resetPassword(
  ctx: PartnerContext,
  input: { token: string; password: string },
): Promise<void> {
  const { account, tokenHash } = await findAccountToReset(ctx, input.token);
  await replacePassword(ctx, account, input.password, 'reset', undefined, tokenHash);
  await ctx.rateLimiter.reset(`${SIGN_IN_SCOPE}:account:${account.admin_email}`);
}

/**
 * Stores the new password (strength checked first) and ends the other sessions in one
 * transaction; a reset also claims its link there. Then logs and emails the owner.
 */
async function replacePassword(
  ctx: PartnerContext,
  account: AccountRow,
  password: string,
  via: 'change' | 'reset',
  keepFamilyId: string | undefined,
  resetTokenHash?: string,
): Promise<void> {
  const hash = await hashNewPassword(password, {
    email: account.admin_email,
    firstName: account.admin_first_name,
    lastName: account.admin_last_name,
    firmName: account.firm_name,
  });
  const at = ctx.now().toISOString();
  const done = await ctx.db.transaction().execute(async (tx) => {
    if (resetTokenHash && !(await claimAccountLink(tx, 'password_resets', resetTokenHash, at)))
      return false;
    await updatePasswordHash(tx, account.id, hash);
    await voidPasswordResets(tx, account.id, at);
    const reason = via === 'change' ? 'password_changed' : 'password_reset';
    await revokeAccountFamilies(tx, account.id, at, reason, keepFamilyId);
    return true;
  });
  if (!done) throw new AppError('PASSWORD_TOKEN_INVALID', RESET_LINK_INVALID);
  ctx.logger.info({ accountId: account.id, via }, 'client account password changed');
  await sendMail(ctx, passwordChangedMail(ctx.config, account.admin_email, via));
}
