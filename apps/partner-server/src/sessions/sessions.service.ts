import { randomUUID } from 'node:crypto';
import type { Page } from '@passerelle/contracts';
import {
  AppError,
  checkCredentialsWithLimits,
  credentialRefusal,
  hashToken,
  newSecretToken,
} from '@passerelle/server-kit';
import {
  findAccountByEmail,
  findAccountById,
  type AccountRow,
} from '../accounts/accounts.repository';
import { isRegistrationExpired } from '../accounts/registration-expiry';
import {
  findPortalUserByEmail,
  findPortalUserById,
  type PortalUserRow,
} from '../portal-users/portal-users.repository';
import type { PartnerContext } from '../context';
import {
  countLiveFamilies,
  extendAccessToken,
  findAccessToken,
  findRefreshToken,
  insertAccessToken,
  insertFamily,
  insertRefreshToken,
  pageLiveFamilies,
  revokeFamily,
  spendRefreshToken,
} from './tokens.repository';

/** Tokens of an API session: short-lived access token, single-use rotating refresh token. */
export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

/** Who signed in: the account, and the personal portal user when it was not its administrator. */
export interface Principal {
  account: AccountRow;
  /** Undefined for the account's administrator (the account's own email and password). */
  user: PortalUserRow | undefined;
}

/** Who is calling, resolved from a token. */
export interface PartnerCaller extends Principal {
  familyId: string;
}

/** The sign-in limits' counters of the client space (sign-in, confirmation, password change). */
export const SIGN_IN_SCOPE = 'partner-sign-in';

const INVALID_REFRESH = 'Session expirée ou révoquée : reconnectez-vous à l’espace client.';

/**
 * Checks the client-space email and password (same limits and timing rules as the declarant's
 * sign-in; unknown email and wrong password get the same answer) and refuses an account whose
 * address is not confirmed yet, or never was in time (only the password's holder learns which).
 * The address is an account's administrator's or an active personal portal user's (issue #13):
 * an invited user without a password yet, or a revoked one, reads as an unknown address.
 */
export async function authenticateAccount(
  ctx: PartnerContext,
  input: { email: string; password: string },
  ip: string,
): Promise<Principal> {
  const direct = await findAccountByEmail(ctx.db, input.email);
  const found = direct ? undefined : await findPortalUserByEmail(ctx.db, input.email);
  const user = found?.status === 'active' ? found : undefined;
  const check = await checkCredentialsWithLimits(ctx.rateLimiter, ctx.config.signIn, {
    scope: SIGN_IN_SCOPE,
    email: input.email,
    ip,
    passwordHash: direct?.password_hash ?? user?.password_hash ?? undefined,
    password: input.password,
  });
  const account = direct ?? (user ? await findAccountById(ctx.db, user.account_id) : undefined);
  if (!check.ok) {
    throw credentialRefusal(
      check,
      new AppError('INVALID_CREDENTIALS', 'Adresse email ou mot de passe incorrect.'),
    );
  }
  if (account && isRegistrationExpired(ctx, account)) {
    throw new AppError(
      'REGISTRATION_EXPIRED',
      'Cette inscription a expiré : l’adresse email n’a pas été confirmée à temps. Créez le compte client à nouveau.',
    );
  }
  if (!account || account.email_verified_at === null) {
    throw new AppError(
      'EMAIL_NOT_VERIFIED',
      'L’adresse email de ce compte client n’est pas encore confirmée : ouvrez le lien reçu par email.',
    );
  }
  return { account, user };
}

/** The earlier of two ISO-8601 UTC instants (written alike, so they compare as text). */
const earliest = (a: string, b: string) => (a < b ? a : b);

/**
 * Opens a session family and gives its first tokens. The family's absolute end is written in
 * its row (12 hours for the portal, 90 days for the API by default): no refresh moves it.
 */
export async function openTokenSession(
  ctx: PartnerContext,
  { account, user }: Principal,
  kind: 'api' | 'portal',
): Promise<IssuedTokens> {
  const familyId = randomUUID();
  const now = ctx.now();
  const lifetime =
    kind === 'portal' ? ctx.config.portalSession.absoluteMs : ctx.config.apiSessionAbsoluteMs;
  const familyEnd = new Date(now.getTime() + lifetime).toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertFamily(tx, {
      id: familyId,
      kind,
      account_id: account.id,
      created_at: now.toISOString(),
      expires_at: familyEnd,
      portal_user_id: user?.id ?? null,
    });
  });
  return issueTokens(ctx, account.id, familyId, kind, familyEnd);
}

/**
 * Rotates a refresh token: it is spent and a new pair is issued in the same family. A spent
 * token presented again means it was stolen or replayed: the whole family is revoked.
 */
export async function refreshTokenSession(ctx: PartnerContext, refreshToken: string) {
  const tokenHash = hashToken(refreshToken);
  const now = ctx.now().toISOString();
  const row = await findRefreshToken(ctx.db, tokenHash);
  // The family's end too: a refresh token issued before families had one may outlive it.
  if (!row || row.revoked_at !== null || row.expires_at <= now || row.family_expires_at <= now) {
    throw new AppError('REFRESH_TOKEN_INVALID', INVALID_REFRESH);
  }
  if (row.used_at !== null || !(await spendRefreshToken(ctx.db, tokenHash, now))) {
    await revokeFamily(ctx.db, row.family_id, now, 'refresh_token_reused');
    ctx.logger.warn({ familyId: row.family_id }, 'refresh token reused: session family revoked');
    throw new AppError('REFRESH_TOKEN_INVALID', INVALID_REFRESH);
  }
  const principal = await findPrincipal(ctx, row.account_id, row.portal_user_id);
  if (!principal) throw new AppError('REFRESH_TOKEN_INVALID', INVALID_REFRESH);
  const tokens = await issueTokens(
    ctx,
    row.account_id,
    row.family_id,
    'api',
    row.family_expires_at,
  );
  return { ...principal, tokens };
}

/**
 * Resolves a bearer access token (or a portal cookie token); 401 when unknown, expired, past
 * its family's end, or revoked. A portal token's idle deadline moves forward with each request.
 */
export async function resolveAccessToken(
  ctx: PartnerContext,
  token: string | undefined,
  kind: 'api' | 'portal',
): Promise<PartnerCaller> {
  if (!token) throw new AppError('UNAUTHENTICATED', 'Authentification requise.');
  const tokenHash = hashToken(token);
  const row = await findAccessToken(ctx.db, tokenHash);
  const now = ctx.now();
  const nowIso = now.toISOString();
  if (
    !row ||
    row.kind !== kind ||
    row.revoked_at !== null ||
    row.expires_at <= nowIso ||
    row.family_expires_at <= nowIso
  ) {
    throw new AppError('SESSION_EXPIRED', 'Session expirée ou révoquée.');
  }
  const principal = await findPrincipal(ctx, row.account_id, row.portal_user_id);
  if (!principal) throw new AppError('SESSION_EXPIRED', 'Session expirée ou révoquée.');
  if (kind === 'portal') {
    const idleEnd = earliest(
      new Date(now.getTime() + ctx.config.portalSession.idleMs).toISOString(),
      row.family_expires_at,
    );
    // Written at most once a minute per session: the idle timeout is exact to a minute.
    if (Date.parse(idleEnd) - Date.parse(row.expires_at) >= 60_000) {
      await extendAccessToken(ctx.db, tokenHash, idleEnd);
    }
  }
  return { ...principal, familyId: row.family_id };
}

/**
 * The account and personal user a session family belongs to; undefined when the account is gone
 * or the user is no longer active (a revocation racing a sign-in cannot leave a usable session).
 */
async function findPrincipal(
  ctx: PartnerContext,
  accountId: string,
  portalUserId: string | null,
): Promise<Principal | undefined> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) return undefined;
  if (portalUserId === null) return { account, user: undefined };
  const user = await findPortalUserById(ctx.db, portalUserId);
  if (user?.status !== 'active' || user.account_id !== accountId) return undefined;
  return { account, user };
}

/** Ends a session family (sign-out, or the portal's "Révoquer"). */
export async function closeTokenSession(ctx: PartnerContext, familyId: string, reason: string) {
  await revokeFamily(ctx.db, familyId, ctx.now().toISOString(), reason);
}

/**
 * One page of the live API sessions the caller may see, newest first: the portal's "Connexions
 * des logiciels" — the whole account's for its administrator, their own for a personal user.
 */
export async function liveConnectionPage(
  ctx: PartnerContext,
  caller: Principal,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<{ id: string; createdAt: string; portalUserId: string | null }>> {
  const now = ctx.now().toISOString();
  const scope = { accountId: caller.account.id, portalUserId: caller.user?.id };
  const { rows, nextCursor } = await pageLiveFamilies(ctx.db, scope, 'api', now, query);
  const total =
    query.cursor === undefined ? await countLiveFamilies(ctx.db, scope, 'api', now) : null;
  const items = rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    portalUserId: row.portal_user_id,
  }));
  return { items, nextCursor, total };
}

/** New tokens of a family, none of them outliving `familyEnd`. */
async function issueTokens(
  ctx: PartnerContext,
  accountId: string,
  familyId: string,
  kind: 'api' | 'portal',
  familyEnd: string,
): Promise<IssuedTokens> {
  const now = ctx.now().getTime();
  const accessToken = newSecretToken();
  const refreshToken = newSecretToken();
  // A portal (browser) session has no refresh token: its access token is the cookie, and its
  // end is the idle deadline, moved forward by each request (resolveAccessToken).
  const accessMs = kind === 'portal' ? ctx.config.portalSession.idleMs : ctx.config.accessTokenMs;
  const accessTokenExpiresAt = earliest(new Date(now + accessMs).toISOString(), familyEnd);
  const refreshTokenExpiresAt = earliest(
    new Date(now + ctx.config.refreshTokenMs).toISOString(),
    familyEnd,
  );
  await ctx.db.transaction().execute(async (tx) => {
    await insertAccessToken(tx, {
      token_hash: hashToken(accessToken),
      family_id: familyId,
      account_id: accountId,
      expires_at: accessTokenExpiresAt,
    });
    if (kind === 'api') {
      await insertRefreshToken(tx, {
        token_hash: hashToken(refreshToken),
        family_id: familyId,
        account_id: accountId,
        created_at: new Date(now).toISOString(),
        expires_at: refreshTokenExpiresAt,
      });
    }
  });
  return { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt };
}
