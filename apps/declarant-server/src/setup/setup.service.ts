import { randomUUID } from 'node:crypto';
import type { SetupRequest } from '@passerelle/contracts';
import { AppError, hashToken, newSecretToken, hashNewPassword } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import { openSession } from '../auth/sessions.service';
import type { AppContext } from '../context';
import { findFirm, insertUser, type UserRow } from '../users/users.repository';
import { claimSetupToken, insertFirm, replaceSetupToken } from './setup.repository';

/**
 * At start, while no firm exists: replaces any earlier setup token with a new one and returns
 * the one-time URL to print. There is no default password; whoever can read the server's
 * output creates the first administrator. Returns undefined once setup is done.
 */
export async function prepareSetupLink(ctx: AppContext): Promise<string | undefined> {
  if (await findFirm(ctx.db)) return undefined;
  const token = newSecretToken();
  await replaceSetupToken(ctx.db, hashToken(token), ctx.now().toISOString());
  return `${ctx.config.publicUrl}/configuration#jeton=${token}`;
}

/** True while the first administrator has not been created. */
export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return (await findFirm(ctx.db)) === undefined;
}

/** Creates the firm and its first administrator with the one-time token, and signs them in. */
export async function completeSetup(
  ctx: AppContext,
  input: Omit<SetupRequest, 'passwordConfirmation'>,
  ip: string,
): Promise<{ user: UserRow; token: string }> {
  if (!(await isSetupNeeded(ctx))) throw alreadyDone();
  const email = input.email.toLowerCase();
  const passwordHash = await hashNewPassword(input.password, { ...input, email });
  const now = ctx.now().toISOString();
  const user: UserRow = {
    id: randomUUID(),
    firm_id: randomUUID(),
    email,
    first_name: input.firstName,
    last_name: input.lastName,
    role: 'administrator',
    status: 'active',
    password_hash: passwordHash,
    created_at: now,
    updated_at: now,
    notify_sending_results: 1,
  };
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await claimSetupToken(tx, hashToken(input.token)))) {
      if (await findFirm(tx)) throw alreadyDone();
      throw new AppError('SETUP_TOKEN_INVALID', 'Lien de configuration invalide ou déjà utilisé.');
    }
    await insertFirm(tx, { id: user.firm_id, name: input.firmName, at: now });
    await insertUser(tx, user);
  });
  const token = await openSession(ctx, user.id);
  await appendAuditEvent(
    ctx.db,
    {
      action: 'setup.completed',
      actorUserId: user.id,
      targetUserId: user.id,
      ip,
      details: { firm: input.firmName },
    },
    ctx.now(),
  );
  return { user, token };
}

function alreadyDone() {
  return new AppError('SETUP_ALREADY_DONE', 'Passerelle est déjà configuré : connectez-vous.');
}
