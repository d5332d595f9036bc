import type { FastifyRequest } from 'fastify';
import type { EndpointAccess } from '@passerelle/contracts';
import { AppError, hashToken } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import { findFirm, findUserById, type UserRow } from '../users/users.repository';
import { readSessionCookie } from './session-cookie';
import { accountInactive, sessionExpired } from './session-errors';
import {
  deleteSession,
  endUserSessions,
  findSession,
  takeSessionEnding,
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
 * idle and absolute timeouts, and an inactive user's sessions stop working at once — their
 * next request is told so (ACCOUNT_INACTIVE), once; after that it is a plain expired session.
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

  /** The caller an endpoint of this access needs (none for a public one): see server-kit's `route`. */
  readonly authorize = async (
    request: FastifyRequest,
    access: EndpointAccess,
  ): Promise<Caller | undefined> => {
    if (access === 'public') return undefined;
    return access === 'administrator' ? this.requireAdmin(request) : this.requireUser(request);
  };

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
    const now = this.ctx.now();
    if (!session) throw await this.whySessionEnded(idHash, now);
    const idleEnd = Date.parse(session.last_seen_at) + config.sessionIdleMs;
    if (now.getTime() >= Date.parse(session.expires_at) || now.getTime() >= idleEnd) {
      await deleteSession(db, idHash);
      throw sessionExpired();
    }
    const user = await findUserById(db, session.user_id);
    const firm = await findFirm(db);
    if (!user || !firm) throw sessionExpired();
    if (user.status !== 'active') {
      // Deactivated while this session was being opened: ended like the others, told now.
      await endUserSessions(db, user.id, 'deactivated', now.toISOString(), idHash);
      await deleteSession(db, idHash);
      throw accountInactive();
    }
    if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_INTERVAL_MS) {
      await touchSession(db, idHash, now.toISOString());
    }
    return { user, firm: { id: firm.id, name: firm.name }, sessionIdHash: idHash };
  }

  /**
   * The refusal for a cookie whose session is gone: ACCOUNT_INACTIVE when it was ended by the
   * person's deactivation and they are still inactive (told once: the ending is consumed), else
   * SESSION_EXPIRED. A reactivated person is not told a stale "inactif", and gets no session back.
   */
  private async whySessionEnded(idHash: string, now: Date): Promise<AppError> {
    const ending = await takeSessionEnding(this.ctx.db, idHash);
    if (ending?.reason === 'deactivated' && now.getTime() < Date.parse(ending.expires_at)) {
      const user = await findUserById(this.ctx.db, ending.user_id);
      if (user?.status === 'inactive') return accountInactive();
    }
    return sessionExpired();
  }
}
