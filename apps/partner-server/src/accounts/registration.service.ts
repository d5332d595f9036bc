import { randomUUID } from 'node:crypto';
import type { AccountRegistration, CreateAccountRequest } from '@passerelle/contracts';
import {
  hashPassword,
  hashToken,
  newSecretToken,
  assertStrongPassword,
} from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { accountExistsMail, verificationMail } from '../mail/account-messages';
import { sendMailInBackground } from '../mail/send-mail';
import { findPortalUserByEmail } from '../portal-users/portal-users.repository';
import { insertAccountLink } from './account-links.repository';
import {
  deleteUnverifiedAccount,
  findAccountByEmail,
  insertAccount,
  purgeUnverifiedAccounts,
  type AccountRow,
} from './accounts.repository';
import { reserveUnsolicitedEmail } from './unsolicited-email-limits';

/** Simultaneous registrations of one address each retry after losing the race this many times. */
const MAX_ATTEMPTS = 5;

/**
 * Registers a client account and emails its address a one-time link to confirm it (the account
 * signs in once confirmed, with the password typed again on the link's page). Limited per IP
 * address and per target address before any work. A registration replaces an unconfirmed
 * account of the same address (its link dies, its password is gone); for an address that
 * already has a confirmed account nothing is created and its owner is told by email instead.
 * The answer is the same in every case, and the emails leave in the background, so neither the
 * answer nor its timing says whether the address had an account.
 */
export async function registerAccount(
  ctx: PartnerContext,
  input: Omit<CreateAccountRequest, 'passwordConfirmation'>,
  ip: string,
): Promise<AccountRegistration> {
  const email = input.adminEmail.toLowerCase();
  assertStrongPassword(input.password, {
    email,
    firstName: input.adminFirstName,
    lastName: input.adminLastName,
    firmName: input.firmName,
  });
  await reserveUnsolicitedEmail(ctx, { action: 'registration', ip, address: email });
  // Hashed whatever the outcome: an existing address must not answer faster.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const { unverifiedMs } = ctx.config.accounts;
  await purgeUnverifiedAccounts(ctx.db, new Date(now.getTime() - unverifiedMs).toISOString());
  const row: AccountRow = {
    id: randomUUID(),
    firm_name: input.firmName,
    siret: input.siret,
    admin_first_name: input.adminFirstName,
    admin_last_name: input.adminLastName,
    admin_email: email,
    password_hash: passwordHash,
    email_verified_at: null,
    created_at: now.toISOString(),
  };
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + unverifiedMs).toISOString();
  if (await storeRegistration(ctx, row, hashToken(token), expiresAt)) {
    const url = `${ctx.config.publicUrl}/portail/verifier-email?jeton=${token}`;
    sendMailInBackground(ctx, verificationMail(ctx.config, email, url, unverifiedMs / 3_600_000));
  } else {
    sendMailInBackground(ctx, accountExistsMail(ctx.config, email));
  }
  return { sentTo: email };
}

/**
 * Stores the new account and its link in place of an unconfirmed account of the same address;
 * false when the address belongs to a confirmed account. Two registrations of one address at
 * once collide on its unique index: the loser looks again and replaces the winner's (the later
 * registration wins, as when they come one after the other).
 */
async function storeRegistration(
  ctx: PartnerContext,
  row: AccountRow,
  tokenHash: string,
  expiresAt: string,
): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    const existing = await findAccountByEmail(ctx.db, row.admin_email);
    if (existing && existing.email_verified_at !== null) return false;
    // A personal portal user's address signs in as that user: it cannot become an account's.
    if (await findPortalUserByEmail(ctx.db, row.admin_email)) return false;
    try {
      await ctx.db.transaction().execute(async (tx) => {
        await deleteUnverifiedAccount(tx, row.admin_email);
        await insertAccount(tx, row);
        await insertAccountLink(tx, 'email_verifications', {
          token_hash: tokenHash,
          account_id: row.id,
          expires_at: expiresAt,
        });
      });
      return true;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !(await findAccountByEmail(ctx.db, row.admin_email))) {
        throw error;
      }
    }
  }
}
