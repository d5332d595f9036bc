import {
  AppError,
  checkCredentialsWithLimits,
  credentialRefusal,
  hashToken,
} from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { SIGN_IN_SCOPE } from '../sessions/sessions.service';
import { issueConfidentialCode } from '../subscription/subscription.service';
import { claimAccountLink, findLinkedAccount } from './account-links.repository';
import { markEmailVerified, type AccountRow } from './accounts.repository';
import { isRegistrationExpired } from './registration-expiry';

const LINK_INVALID =
  'Ce lien de confirmation n’est plus valide : il a expiré, a déjà servi ou une nouvelle demande l’a remplacé. Créez le compte client à nouveau.';

/**
 * The account a confirmation link is for, when the link is unused and unexpired and its account
 * still waits for confirmation; 410 `LINK_INVALID` otherwise. Never uses the link up.
 */
export async function findAccountToVerify(
  ctx: PartnerContext,
  token: string,
): Promise<{ account: AccountRow; tokenHash: string }> {
  const tokenHash = hashToken(token);
  const now = ctx.now().toISOString();
  const account = await findLinkedAccount(ctx.db, 'email_verifications', tokenHash, now);
  if (!account || account.email_verified_at !== null || isRegistrationExpired(ctx, account)) {
    throw new AppError('LINK_INVALID', LINK_INVALID);
  }
  return { account, tokenHash };
}

/**
 * Confirms the address with the emailed link and the password chosen at registration, typed
 * again by whoever opened the link: so the account only becomes usable for the mailbox's owner
 * with a password they know, never with one a stranger chose for their address. The password
 * is checked under the sign-in limits (reserved before Argon2id); a wrong one leaves the link
 * usable. The link is then claimed and the address marked confirmed in one transaction (a
 * second use, or a registration replacing the account meanwhile, finds nothing to claim), and
 * the account is subscribed (code emailed).
 */
export async function verifyEmail(
  ctx: PartnerContext,
  input: { token: string; password: string },
  ip: string,
): Promise<AccountRow> {
  const { account, tokenHash } = await findAccountToVerify(ctx, input.token);
  const check = await checkCredentialsWithLimits(ctx.rateLimiter, ctx.config.signIn, {
    scope: SIGN_IN_SCOPE,
    email: account.admin_email,
    ip,
    passwordHash: account.password_hash,
    password: input.password,
  });
  if (!check.ok) {
    throw credentialRefusal(
      check,
      new AppError(
        'INVALID_CREDENTIALS',
        'Mot de passe incorrect : saisissez celui choisi lors de la création du compte client. Si vous ne l’avez pas créé, ignorez ce lien.',
        { field: 'password' },
      ),
    );
  }
  const at = ctx.now().toISOString();
  const verified = await ctx.db.transaction().execute(async (tx) => {
    if (!(await claimAccountLink(tx, 'email_verifications', tokenHash, at))) return false;
    if (!(await markEmailVerified(tx, account.id, at)))
      throw new AppError('LINK_INVALID', LINK_INVALID);
    return true;
  });
  if (!verified) throw new AppError('LINK_INVALID', LINK_INVALID);
  const confirmed = { ...account, email_verified_at: at };
  await issueConfidentialCode(ctx, confirmed);
  return confirmed;
}
