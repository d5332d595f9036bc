import type { Transaction } from 'kysely';
import { hashToken, newSecretToken } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import type { DeclarantDatabase } from '../db/schema';
import { deleteDeadSessions, insertSession } from './sessions.repository';

/**
 * Opens a new session for `userId` and returns its token (256 random bits). Only the token's
 * SHA-256 is stored; a fresh token at every sign-in defeats session fixation. Sessions that
 * expired (idle or absolute) are deleted on the way.
 */
export async function openSession(
  ctx: AppContext,
  userId: string,
  db: Transaction<DeclarantDatabase> | AppContext['db'] = ctx.db,
): Promise<string> {
  const token = newSecretToken();
  const now = ctx.now();
  await deleteDeadSessions(
    db,
    now.toISOString(),
    new Date(now.getTime() - ctx.config.sessionIdleMs).toISOString(),
  );
  await insertSession(db, {
    id_hash: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.config.sessionAbsoluteMs).toISOString(),
  });
  return token;
}
