import { randomUUID } from 'node:crypto';
import type {
  CreateUserRequest,
  CreateUserResponse,
  User,
  UserPage,
  UserStatus,
} from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import { endUserSessions } from '../auth/sessions.repository';
import type { AppContext } from '../context';
import { createPasswordLink } from './passwords.service';
import { toUserView } from './user-view';
import {
  countActiveAdministrators,
  countUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  pageUsers,
  updateUserStatus,
  type UserRow,
} from './users.repository';

/** One page of the firm's users, by last then first name, with their count on the first page. */
export async function userPage(
  ctx: AppContext,
  firmId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<UserPage> {
  const { rows, nextCursor } = await pageUsers(ctx.db, firmId, query);
  const total = query.cursor === undefined ? await countUsers(ctx.db, firmId) : null;
  return { items: rows.map(toUserView), nextCursor, total };
}

/**
 * Creates a user without a password, and the one-time invitation link through which they
 * choose it (shown to the administrator, who hands it over).
 */
export async function createUser(
  ctx: AppContext,
  caller: Caller,
  input: CreateUserRequest,
  ip: string,
): Promise<CreateUserResponse> {
  const email = input.email.toLowerCase();
  if (await findUserByEmail(ctx.db, email)) throw emailTaken();
  const now = ctx.now().toISOString();
  const row: UserRow = {
    id: randomUUID(),
    firm_id: caller.firm.id,
    email,
    first_name: input.firstName,
    last_name: input.lastName,
    role: input.role,
    status: 'active',
    password_hash: null,
    created_at: now,
    updated_at: now,
    notify_sending_results: 1,
  };
  try {
    await insertUser(ctx.db, row);
  } catch (error) {
    // Two administrators creating the same email at once: the unique index decides.
    if (await findUserByEmail(ctx.db, email)) throw emailTaken();
    throw error;
  }
  await appendAuditEvent(
    ctx.db,
    {
      action: 'user.created',
      actorUserId: caller.user.id,
      targetUserId: row.id,
      ip,
      details: { role: row.role },
    },
    ctx.now(),
  );
  const link = await createPasswordLink(ctx, row, 'invite', caller.user.id);
  return { user: toUserView(row), link };
}

/**
 * Activates or deactivates a user. Deactivation ends their sessions at once (each open one is
 * told why at its next request: `session-guard.ts`); the last active administrator cannot be
 * deactivated (the check and the change are one transaction, with the administrators' rows
 * locked on PostgreSQL so two concurrent deactivations cannot both pass).
 */
export async function setUserStatus(
  ctx: AppContext,
  caller: Caller,
  userId: string,
  status: UserStatus,
  ip: string,
): Promise<User> {
  const now = ctx.now().toISOString();
  const result = await ctx.db.transaction().execute(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user || user.firm_id !== caller.firm.id) {
      throw new AppError('NOT_FOUND', 'Utilisateur introuvable.');
    }
    if (user.status === status) return { user, changed: false };
    if (status === 'inactive' && user.role === 'administrator') {
      if ((await countActiveAdministrators(tx, caller.firm.id, ctx.dialect)) <= 1) {
        throw new AppError(
          'LAST_ADMIN',
          'Impossible de désactiver le dernier administrateur actif.',
        );
      }
    }
    await updateUserStatus(tx, userId, status, now);
    if (status === 'inactive') await endUserSessions(tx, userId, 'deactivated', now);
    return { user: { ...user, status, updated_at: now }, changed: true };
  });
  if (!result.changed) return toUserView(result.user);
  await appendAuditEvent(
    ctx.db,
    {
      action: status === 'active' ? 'user.activated' : 'user.deactivated',
      actorUserId: caller.user.id,
      targetUserId: userId,
      ip,
    },
    ctx.now(),
  );
  return toUserView(result.user);
}

/** A one-time reset link for a user of the firm, shown to the administrator. */
export async function createResetLink(ctx: AppContext, caller: Caller, userId: string, ip: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.firm_id !== caller.firm.id) {
    throw new AppError('NOT_FOUND', 'Utilisateur introuvable.');
  }
  const link = await createPasswordLink(ctx, user, 'reset', caller.user.id);
  await appendAuditEvent(
    ctx.db,
    {
      action: 'user.password_reset_link_created',
      actorUserId: caller.user.id,
      targetUserId: user.id,
      ip,
    },
    ctx.now(),
  );
  return link;
}

function emailTaken() {
  return new AppError('EMAIL_TAKEN', 'Cette adresse email est déjà utilisée.', { field: 'email' });
}
