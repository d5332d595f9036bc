import { randomUUID } from 'node:crypto';
import type {
  AcceptPortalInvitationRequest,
  InvitePortalUserRequest,
  PortalUser,
  PortalUserPage,
} from '@passerelle/contracts';
import {
  AppError,
  hashToken,
  newSecretToken,
  rateLimitedError,
  safeEqual,
  hashNewPassword,
} from '@passerelle/server-kit';
import { findAccountByEmail, findAccountById } from '../accounts/accounts.repository';
import { frenchWait } from '../accounts/unsolicited-email-limits';
import { publishCrl } from '../ca/crl.service';
import type { PartnerContext } from '../context';
import { portalInvitationMail } from '../mail/account-messages';
import { sendMail } from '../mail/send-mail';
import { SIGN_IN_SCOPE, type Principal } from '../sessions/sessions.service';
import { toPortalUserView } from './portal-user-view';
import {
  appendAuditEvent,
  claimInvitation,
  countPortalUsers,
  findPortalUserByEmail,
  findPortalUserById,
  insertPortalUser,
  lockAccountForUsers,
  markPortalUserRevoked,
  pagePortalUsers,
  renewInvitation,
  revokePortalUserFamilies,
  revokePortalUserSignatures,
  type PortalUserRow,
} from './portal-users.repository';

const HOUR = 3_600_000;
const LINK_INVALID =
  'Ce lien d’invitation n’est plus valide : il a expiré, a déjà servi ou une invitation plus récente l’a remplacé. Demandez à l’administrateur du compte client de vous inviter à nouveau.';

/** Refuses a personal portal user: managing people is the account administrator's alone. */
export function assertAccountAdministrator(caller: Principal): void {
  if (caller.user) {
    throw new AppError(
      'FORBIDDEN',
      'Seul l’administrateur du compte client peut gérer les utilisateurs.',
    );
  }
}

/** True for a unique-index violation on either engine (two requests raced for one address). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The invitation link: the user's id and the 256-bit secret, whose SHA-256 only is stored. */
function invitationUrl(ctx: PartnerContext, userId: string, secret: string): string {
  return `${ctx.config.publicUrl}/portail/invitation?jeton=${userId}.${secret}`;
}

/**
 * Invites a person: one of the account's invitations of the hour is reserved atomically first
 * (429 beyond, given back when the invitation is refused); then, with the account locked, the
 * address is checked (never an account's administrator's nor another user's; a pending or
 * revoked user of this account is invited again, the old link dying) and the account's user
 * count bounded. The person gets a one-time link by email.
 */
export async function invitePortalUser(
  ctx: PartnerContext,
  caller: Principal,
  input: InvitePortalUserRequest,
): Promise<PortalUser> {
  assertAccountAdministrator(caller);
  const { account } = caller;
  const limits = ctx.config.portalUsers;
  const key = `portal-invitations:account:${account.id}`;
  const limit = { max: limits.invitationsPerHour, windowMs: HOUR };
  const reservation = await ctx.rateLimiter.reserve(key, limit);
  if (!reservation) {
    const wait = Math.max(await ctx.rateLimiter.retryAfter(key, limit), 1);
    throw rateLimitedError(
      wait,
      `Trop d’invitations envoyées depuis une heure (${limits.invitationsPerHour} au plus) : réessayez dans ${frenchWait(wait)}.`,
    );
  }
  const email = input.email.toLowerCase();
  const secret = newSecretToken();
  const now = ctx.now();
  const invitation = {
    first_name: input.firstName.trim(),
    last_name: input.lastName.trim(),
    invited_at: now.toISOString(),
    invitation_token_hash: hashToken(secret),
    invitation_expires_at: new Date(now.getTime() + limits.invitationMs).toISOString(),
  };
  let user: PortalUserRow;
  try {
    user = await ctx.db.transaction().execute(async (tx) => {
      await lockAccountForUsers(tx, ctx.dialect, account.id);
      if (await findAccountByEmail(tx, email)) {
        throw new AppError(
          'EMAIL_TAKEN',
          'Cette adresse est celle de l’administrateur d’un compte client : choisissez l’adresse personnelle de la personne.',
          { field: 'email' },
        );
      }
      const existing = await findPortalUserByEmail(tx, email);
      if (existing && (existing.account_id !== account.id || existing.status === 'active')) {
        throw new AppError(
          'EMAIL_TAKEN',
          existing.account_id === account.id
            ? 'Cette personne est déjà un utilisateur actif du compte client.'
            : 'Cette adresse est déjà celle d’un utilisateur d’un compte client.',
          { field: 'email' },
        );
      }
      if (existing) {
        await renewInvitation(tx, existing.id, invitation);
      } else {
        if ((await countPortalUsers(tx, account.id)) >= limits.maxPerAccount) {
          throw new AppError(
            'USER_LIMIT_REACHED',
            `Ce compte client a atteint le nombre maximal d’utilisateurs (${limits.maxPerAccount}).`,
          );
        }
        await insertPortalUser(tx, {
          ...invitation,
          id: randomUUID(),
          account_id: account.id,
          email,
          password_hash: null,
          status: 'invited',
          activated_at: null,
          revoked_at: null,
        });
      }
      const stored = await findPortalUserByEmail(tx, email);
      if (!stored) throw new Error('invited user not stored');
      await appendAuditEvent(tx, {
        account_id: account.id,
        at: invitation.invited_at,
        action: 'portal_user.invited',
        actor_user_id: null,
        subject_user_id: stored.id,
        details: { email, renewed: existing !== undefined },
      });
      return stored;
    });
  } catch (error) {
    await ctx.rateLimiter.release(key, reservation);
    if (isUniqueViolation(error)) {
      throw new AppError(
        'EMAIL_TAKEN',
        'Cette adresse est déjà celle d’un utilisateur d’un compte client.',
        { field: 'email' },
      );
    }
    throw error;
  }
  const url = invitationUrl(ctx, user.id, secret);
  await sendMail(ctx, portalInvitationMail(ctx.config, email, url, limits.invitationMs / HOUR));
  ctx.logger.info({ accountId: account.id, portalUserId: user.id }, 'portal user invited');
  return toPortalUserView(user);
}

/**
 * The pending user an invitation link is for; 410 `LINK_INVALID` when the link is malformed,
 * unknown, used, replaced, revoked or expired. The secret's hash is compared in constant time.
 * Never uses the link (the page it opens only shows the form).
 */
export async function findInvitedUser(
  ctx: PartnerContext,
  token: string,
): Promise<{ user: PortalUserRow; tokenHash: string }> {
  const [id, secret, extra] = token.split('.');
  const valid = /^[0-9a-f-]{36}$/.test(id ?? '') && secret && extra === undefined;
  const user = valid ? await findPortalUserById(ctx.db, id ?? '') : undefined;
  const tokenHash = hashToken(secret ?? '');
  const stored = user?.invitation_token_hash;
  const matches = typeof stored === 'string' && safeEqual(stored, tokenHash);
  if (
    !user ||
    !matches ||
    user.status !== 'invited' ||
    (user.invitation_expires_at ?? '') <= ctx.now().toISOString()
  ) {
    throw new AppError('LINK_INVALID', LINK_INVALID);
  }
  return { user, tokenHash };
}

/**
 * Accepts an invitation: the chosen password (the account-password rules, judged against the
 * person's own names and the firm's) is hashed with Argon2id, then the link is claimed in one
 * statement: of N simultaneous acceptances exactly one sets a password, the others get 410.
 */
export async function acceptPortalInvitation(
  ctx: PartnerContext,
  input: AcceptPortalInvitationRequest,
): Promise<PortalUser> {
  const { user, tokenHash } = await findInvitedUser(ctx, input.token);
  const account = await findAccountById(ctx.db, user.account_id);
  if (!account) throw new AppError('LINK_INVALID', LINK_INVALID);
  const passwordHash = await hashNewPassword(input.password, {
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    firmName: account.firm_name,
  });
  const at = ctx.now().toISOString();
  const claimed = await ctx.db.transaction().execute(async (tx) => {
    if (!(await claimInvitation(tx, { id: user.id, tokenHash, passwordHash, at }))) return false;
    await appendAuditEvent(tx, {
      account_id: account.id,
      at,
      action: 'portal_user.accepted',
      actor_user_id: user.id,
      subject_user_id: user.id,
    });
    return true;
  });
  if (!claimed) throw new AppError('LINK_INVALID', LINK_INVALID);
  // A failure count left from before the invitation (the address tried unknown) is forgotten.
  await ctx.rateLimiter.reset(`${SIGN_IN_SCOPE}:account:${user.email}`);
  ctx.logger.info({ accountId: account.id, portalUserId: user.id }, 'portal user accepted');
  const accepted = await findPortalUserById(ctx.db, user.id);
  if (!accepted) throw new AppError('LINK_INVALID', LINK_INVALID);
  return toPortalUserView(accepted);
}

/**
 * Revokes a person, in one transaction: their status (sign-in refused from now on, a pending
 * link dies), every session family of theirs (portal and API: access tokens deleted, refresh
 * tokens dead) and their certificates still valid (reason cessationOfOperation); then the CRL
 * is re-signed. Nobody else's session, token or certificate is touched.
 */
export async function revokePortalUser(
  ctx: PartnerContext,
  caller: Principal,
  userId: string,
): Promise<PortalUser> {
  assertAccountAdministrator(caller);
  const { account } = caller;
  const at = ctx.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const user = await findPortalUserById(tx, userId);
    if (!user || user.account_id !== account.id) return 'not_found' as const;
    if (!(await markPortalUserRevoked(tx, account.id, userId, at))) return 'already' as const;
    const sessions = await revokePortalUserFamilies(tx, userId, at, 'portal_user_revoked');
    const serials = await revokePortalUserSignatures(tx, userId, at);
    await appendAuditEvent(tx, {
      account_id: account.id,
      at,
      action: 'portal_user.revoked',
      actor_user_id: null,
      subject_user_id: userId,
      details: { sessions, revokedSerials: serials },
    });
    return { serials, sessions };
  });
  if (outcome === 'not_found') throw new AppError('NOT_FOUND', 'Utilisateur introuvable.');
  if (outcome === 'already') {
    throw new AppError('ALREADY_REVOKED', 'Cet utilisateur est déjà révoqué.');
  }
  if (outcome.serials.length > 0) await publishCrl(ctx);
  ctx.logger.info(
    { accountId: account.id, portalUserId: userId, certificates: outcome.serials.length },
    'portal user revoked',
  );
  const revoked = await findPortalUserById(ctx.db, userId);
  if (!revoked) throw new AppError('NOT_FOUND', 'Utilisateur introuvable.');
  return toPortalUserView(revoked);
}

/** One page of the account's personal users, by address, with their count on the first page. */
export async function portalUserPage(
  ctx: PartnerContext,
  caller: Principal,
  query: { limit: number; cursor?: string | undefined },
): Promise<PortalUserPage> {
  assertAccountAdministrator(caller);
  const { rows, nextCursor } = await pagePortalUsers(ctx.db, caller.account.id, query);
  const total =
    query.cursor === undefined ? await countPortalUsers(ctx.db, caller.account.id) : null;
  return { items: rows.map(toPortalUserView), nextCursor, total };
}
