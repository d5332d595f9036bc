import type { FastifyRequest } from 'fastify';
import { AppError, hashToken } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import { findFirm, findUserById, type UserRow } from '../users/users.repository';
import { readSessionCookie } from './session-cookie';
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  touchSession,
} from './sessions.repository';

/** Who is calling: the user, their firm, and the hash of their session id. */
export interface Caller {
  user: UserRow;
  firm: { id: string; name: string };
  sessionIdHash: string;
}

/** Activity is written at most this often, so the idle timeout is exact to within a minute. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves the session of a request once and applies the rules every protected route shares:
 * idle and absolute timeouts, and an inactive user's sessions stop working at once.
 */
export class SessionGuard {
  private readonly resolved = new WeakMap<FastifyRequest, Promise<Caller>>();

  constructor(private readonly ctx: AppContext) {}

  /** The signed-in, active caller; 401 or 403 otherwise. */
  requireUser(request: FastifyRequest): Promise<Caller> {
    let caller = this.resolved.get(request);
    if (!caller) {
      caller = this.resolve(request);
      this.resolved.set(request, caller);
    }
    return caller;
  }

  /** The caller, who must be an administrator; 403 `FORBIDDEN` otherwise. */
  async requireAdmin(request: FastifyRequest): Promise<Caller> {
    const caller = await this.requireUser(request);
    if (caller.user.role !== 'administrator') {
      throw new AppError('FORBIDDEN', 'Réservé aux administrateurs.');
    }
    return caller;
  }

  private async resolve(request: FastifyRequest): Promise<Caller> {
    const { db, config } = this.ctx;
    const token = readSessionCookie(request, config);
    if (!token) throw new AppError('UNAUTHENTICATED', 'Connexion requise.');
    const idHash = hashToken(token);
    const session = await findSession(db, idHash);
    if (!session)
      throw new AppError('SESSION_EXPIRED', 'Votre session a expiré, reconnectez-vous.');
    const now = this.ctx.now();
    const idleEnd = Date.parse(session.last_seen_at) + config.sessionIdleMs;
    if (now.getTime() >= Date.parse(session.expires_at) || now.getTime() >= idleEnd) {
      await deleteSession(db, idHash);
      throw new AppError('SESSION_EXPIRED', 'Votre session a expiré, reconnectez-vous.');
    }
    const user = await findUserById(db, session.user_id);
    const firm = await findFirm(db);
    if (!user || !firm)
      throw new AppError('SESSION_EXPIRED', 'Votre session a expiré, reconnectez-vous.');
    if (user.status !== 'active') {
      await deleteUserSessions(db, user.id);
      throw new AppError('ACCOUNT_INACTIVE', 'Votre compte est inactif.');
    }
    if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_INTERVAL_MS) {
      await touchSession(db, idHash, now.toISOString());
    }
    return { user, firm: { id: firm.id, name: firm.name }, sessionIdHash: idHash };
  }
}
