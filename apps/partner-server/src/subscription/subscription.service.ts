import { randomUUID } from 'node:crypto';
import { AppError, rateLimitedError } from '@passerelle/server-kit';
import type { AccountRow } from '../accounts/accounts.repository';
import type { PartnerContext } from '../context';
import { codeAttemptsMail, confidentialCodeMail } from '../mail/messages';
import { sendMail } from '../mail/send-mail';
import { findCurrentCode, replaceCode } from './codes.repository';
import {
  confidentialCodeMatches,
  generateConfidentialCode,
  hashConfidentialCode,
  normalizeConfidentialCode,
} from './confidential-code';

/**
 * Subscribes the account to EDI-TDFC, or re-issues its code: a new code is generated, only its
 * keyed hash is stored (the old one dies in the same transaction), and it is emailed to the
 * administrator. Returns when and where it was sent.
 */
export async function issueConfidentialCode(ctx: PartnerContext, account: AccountRow) {
  const code = generateConfidentialCode();
  const createdAt = ctx.now().toISOString();
  await ctx.db.transaction().execute((tx) =>
    replaceCode(tx, {
      id: randomUUID(),
      account_id: account.id,
      code_hmac: hashConfidentialCode(ctx.keyring, normalizeConfidentialCode(code) ?? ''),
      sent_to: account.admin_email,
      created_at: createdAt,
    }),
  );
  const sent = await sendMail(
    ctx,
    confidentialCodeMail(ctx.config, account.admin_email, account.firm_name, code),
  );
  if (!sent) {
    throw new AppError(
      'INTERNAL',
      'Le code n’a pas pu être envoyé par email. Réessayez plus tard.',
    );
  }
  return { sentAt: createdAt, sentTo: account.admin_email };
}

/** The cooldown between two re-issues of an account's code, as a {@link RateLimiter} limit. */
const reissueLimit = (ctx: PartnerContext) => ({
  key: (accountId: string) => `code-reissue:${accountId}`,
  limit: { max: 1, windowMs: ctx.config.code.reissueCooldownMs },
});

/**
 * "Envoyer un nouveau code": re-issues the code at most once per `CODE_REISSUE_COOLDOWN_MINUTES`
 * per account, since each one kills the code the whole firm uses. The re-issue is reserved
 * atomically before any work, so simultaneous requests on any instance send one email; a
 * failed email gives the reservation back. The subscription's first code (at confirmation)
 * does not count: a code just received can be replaced at once if it leaked.
 */
export async function reissueConfidentialCode(ctx: PartnerContext, account: AccountRow) {
  const { key, limit } = reissueLimit(ctx);
  const reservation = await ctx.rateLimiter.reserve(key(account.id), limit);
  if (!reservation) {
    const wait = Math.max(await ctx.rateLimiter.retryAfter(key(account.id), limit), 1);
    const minutes = Math.ceil(wait / 60);
    throw rateLimitedError(
      wait,
      `Un nouveau code vient d’être envoyé : le suivant pourra être demandé dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    );
  }
  try {
    return await issueConfidentialCode(ctx, account);
  } catch (error) {
    await ctx.rateLimiter.release(key(account.id), reservation);
    throw error;
  }
}

/** When "Envoyer un nouveau code" becomes available again (ISO time), or undefined if it is. */
export async function nextCodeReissueAt(
  ctx: PartnerContext,
  accountId: string,
): Promise<string | undefined> {
  const { key, limit } = reissueLimit(ctx);
  const wait = await ctx.rateLimiter.retryAfter(key(accountId), limit);
  return wait > 0 ? new Date(ctx.now().getTime() + wait * 1000).toISOString() : undefined;
}

/**
 * Checks a typed confidential code. Each check first reserves one of the account's attempts
 * atomically (so simultaneous requests, on any instance, never get more than the limit
 * compared); a right code gives its attempt back, a wrong one keeps it as its failure and is
 * told how many are left, counting the ones still being checked. Past the limit the answer is
 * 429 with `Retry-After`; the wrong code that takes the last attempt tells the administrator,
 * once per window.
 */
export async function checkConfidentialCode(
  ctx: PartnerContext,
  account: AccountRow,
  typed: string,
) {
  const current = await findCurrentCode(ctx.db, account.id);
  if (!current) {
    throw new AppError('NOT_SUBSCRIBED', 'Ce compte n’a pas encore de code confidentiel EDI-TDFC.');
  }
  const key = `confidential-code:${account.id}`;
  const limit = { max: ctx.config.code.maxFailures, windowMs: ctx.config.code.windowMs };
  const reservation = await ctx.rateLimiter.reserve(key, limit);
  if (!reservation) {
    // At least a second: a right code may have given an attempt back since the refusal.
    const wait = Math.max(await ctx.rateLimiter.retryAfter(key, limit), 1);
    throw rateLimitedError(
      wait,
      `Trop de codes confidentiels erronés : la saisie du code est bloquée, réessayez dans ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`,
    );
  }
  if (confidentialCodeMatches(ctx.keyring, current.code_hmac, typed)) {
    await ctx.rateLimiter.release(key, reservation);
    return;
  }
  const left = Math.max(0, limit.max - reservation.count);
  const minutes = Math.round(limit.windowMs / 60_000);
  if (left === 0) {
    await sendMail(ctx, codeAttemptsMail(ctx.config, account.admin_email, limit.max, minutes));
  }
  const consequence =
    left === 0
      ? `la saisie du code est bloquée pendant ${minutes} minutes et l’administrateur du compte est prévenu par email.`
      : `encore ${left} essai${left > 1 ? 's' : ''} avant un blocage de ${minutes} minutes.`;
  throw new AppError(
    'CONFIDENTIAL_CODE_INVALID',
    `Code confidentiel EDI-TDFC incorrect : ${consequence}`,
    {
      field: 'confidentialCode',
    },
  );
}
