import { randomUUID } from 'node:crypto';
import type { Account, CreateAccountRequest } from '@passerelle/contracts';
import {
  AppError,
  checkPasswordStrength,
  hashPassword,
  hashToken,
  newSecretToken,
} from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { verificationMail } from '../mail/messages';
import { sendMail } from '../mail/send-mail';
import { findCurrentCode } from '../subscription/codes.repository';
import { issueConfidentialCode } from '../subscription/subscription.service';
import {
  consumeEmailVerification,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  insertEmailVerification,
  markEmailVerified,
  type AccountRow,
} from './accounts.repository';

/** Hours an email verification link stays valid. */
const VERIFICATION_HOURS = 48;

/**
 * Creates a client account and emails its administrator a one-time link to confirm the
 * address; the account can sign in only once the address is confirmed.
 */
export async function createAccount(
  ctx: PartnerContext,
  input: Omit<CreateAccountRequest, 'passwordConfirmation'>,
): Promise<AccountRow> {
  const email = input.adminEmail.toLowerCase();
  const strength = checkPasswordStrength(input.password, [
    email,
    input.adminFirstName,
    input.adminLastName,
    input.firmName,
  ]);
  if (!strength.ok) throw new AppError('WEAK_PASSWORD', strength.message, { field: 'password' });
  if (await findAccountByEmail(ctx.db, email)) throw emailTaken();
  const now = ctx.now();
  const row: AccountRow = {
    id: randomUUID(),
    firm_name: input.firmName,
    siret: input.siret,
    admin_first_name: input.adminFirstName,
    admin_last_name: input.adminLastName,
    admin_email: email,
    password_hash: await hashPassword(input.password),
    email_verified_at: null,
    created_at: now.toISOString(),
  };
  const token = newSecretToken();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await insertAccount(tx, row);
      await insertEmailVerification(tx, {
        token_hash: hashToken(token),
        account_id: row.id,
        expires_at: new Date(now.getTime() + VERIFICATION_HOURS * 3_600_000).toISOString(),
      });
    });
  } catch (error) {
    if (await findAccountByEmail(ctx.db, email)) throw emailTaken();
    throw error;
  }
  const url = `${ctx.config.publicUrl}/portail/verifier-email?jeton=${token}`;
  await sendMail(ctx, verificationMail(ctx.config, email, row.firm_name, url));
  return row;
}

/** Confirms the address with the emailed link, then subscribes the account (code emailed). */
export async function verifyEmail(ctx: PartnerContext, token: string): Promise<AccountRow> {
  const at = ctx.now().toISOString();
  const accountId = await consumeEmailVerification(ctx.db, hashToken(token), at);
  const account = accountId ? await findAccountById(ctx.db, accountId) : undefined;
  if (!account) {
    throw new AppError('LINK_INVALID', "Ce lien de confirmation n'est plus valide.");
  }
  await markEmailVerified(ctx.db, account.id, at);
  const verified = { ...account, email_verified_at: at };
  await issueConfidentialCode(ctx, verified);
  return verified;
}

/** The API view of an account, with its subscription (when and where the code was sent). */
export async function toAccountView(ctx: PartnerContext, row: AccountRow): Promise<Account> {
  const code = await findCurrentCode(ctx.db, row.id);
  return {
    id: row.id,
    firmName: row.firm_name,
    siret: row.siret,
    adminFirstName: row.admin_first_name,
    adminLastName: row.admin_last_name,
    adminEmail: row.admin_email,
    emailVerified: row.email_verified_at !== null,
    subscription: {
      status: code ? 'active' : 'none',
      codeSentAt: code?.created_at ?? null,
      codeSentTo: code?.sent_to ?? null,
    },
    createdAt: row.created_at,
  };
}

function emailTaken() {
  return new AppError('EMAIL_TAKEN', 'Un compte client existe déjà avec cette adresse email.', {
    field: 'adminEmail',
  });
}
