import type { ClientSpaceStatus } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import type { DeclarantConfig } from '../config';
import { withLease } from '../leases/lease';
import { HttpPartnerApi, PartnerUnavailableError, type PartnerApi } from './partner-api';
import { bindCalls, type PartnerCalls } from './partner-calls';
import {
  LOST,
  accessTokenOf,
  currentAccessToken,
  forgetAccessToken,
  markSessionLost,
  notConnected,
  type GatewayDeps,
} from './partner-session-tokens';
import { deleteConnection, findConnection, saveConnection } from './partner-sessions.repository';
import { sealTokens } from './sealed-tokens';

/**
 * A user's partner exchanges hold this lease, shared by every instance: a double click, two
 * probes or two servers never race a rotation of the refresh token. The holder renews it while
 * it works, so it only ends by itself after a crash: a restarted server waits at most this long
 * for the user's partner session.
 */
const SESSION_LEASE_MS = 10_000;
/** How long an exchange waits for the user's lease (each partner call is bounded by its timeout). */
const SESSION_WAIT_MS = 120_000;

/** 503 for an exchange that waited `SESSION_WAIT_MS` for the user's other one in vain. */
export const partnerExchangeBusy = () =>
  new AppError(
    'PARTNER_UNAVAILABLE',
    'Un autre échange avec le partenaire EDI est en cours pour cet utilisateur : réessayez dans quelques instants.',
  );

/**
 * The declarant's one door to the EDI partner (design §1), built at start and carried by the
 * context: the partner's API, and each user's client-space session (tokens sealed in the
 * database, shared by every instance). Everything else reaches the partner through
 * {@link PartnerGateway.asUser} or {@link PartnerGateway.inBackground}.
 */
export interface PartnerGateway {
  /** The portal's public address (for "Accéder à l'espace client"). */
  readonly portalUrl: string;
  /** The partner's API itself, without a session (tests deposit with their own token). */
  readonly api: PartnerApi;
  /** The same gateway over another API or keyring (a master-key rotation; tests). */
  with(overrides: Partial<Pick<GatewayDeps, 'api' | 'keyring'>>): PartnerGateway;
  /**
   * Exchanges the portal credentials for a session, stored sealed (the password is forgotten).
   * `reused`: a second click found the same connection made meanwhile, and kept it.
   */
  connect(
    userId: string,
    credentials: { email: string; password: string },
  ): Promise<{ connectedAt: string; reused: boolean }>;
  /** Is the user connected and the partner reachable? A refused session is marked lost. */
  status(userId: string): Promise<ClientSpaceStatus>;
  /** Revokes the partner session (when reachable) and forgets the stored tokens. */
  disconnect(userId: string): Promise<void>;
  /**
   * Runs `work` with the user's session, probed first, one exchange of that user at a time. No
   * connection, or one the portal revoked, is `CLIENT_SPACE_NOT_CONNECTED`; an unreachable
   * partner stays `PARTNER_UNAVAILABLE`.
   */
  asUser<T>(userId: string, work: (partner: PartnerCalls) => Promise<T>): Promise<T>;
  /**
   * Like {@link asUser} for background work (delivery, status polling): only getting the token
   * is serialised, so many deliveries of one user run side by side, and a stored token is used
   * without probing it; a 401 drops it and the work is tried once more with a fresh one.
   */
  inBackground<T>(userId: string, work: (partner: PartnerCalls) => Promise<T>): Promise<T>;
}

/** Builds the gateway to the partner at `config.partnerUrl`. */
export function createPartnerGateway(
  config: Pick<DeclarantConfig, 'partnerUrl' | 'partnerTimeoutMs'>,
  deps: Omit<GatewayDeps, 'api'> & { api?: PartnerApi },
): PartnerGateway {
  return gatewayOver({
    ...deps,
    api: deps.api ?? new HttpPartnerApi(config.partnerUrl, config.partnerTimeoutMs),
  });
}

function gatewayOver(deps: GatewayDeps): PartnerGateway {
  const { api } = deps;
  const serialized = <T>(userId: string, work: () => Promise<T>) =>
    withLease(deps, `partner-session:${userId}`, SESSION_LEASE_MS, work, {
      maxWaitMs: deps.sessionWaitMs ?? SESSION_WAIT_MS,
      busy: partnerExchangeBusy,
    });
  const is401 = (error: unknown) => error instanceof AppError && error.status === 401;

  return {
    portalUrl: api.portalUrl,
    api,
    with: (overrides) => gatewayOver({ ...deps, ...overrides }),

    connect: (userId, { email, password }) =>
      serialized(userId, async () => {
        const existing = await findConnection(deps.db, userId);
        if (
          existing &&
          !existing.lost_reason &&
          existing.portal_email === email &&
          existing.access_token_sealed
        ) {
          return { connectedAt: existing.connected_at, reused: true };
        }
        const tokens = await api.createSession(email, password);
        const at = deps.now().toISOString();
        await saveConnection(
          deps.db,
          { userId, email, at },
          sealTokens(deps.keyring, userId, tokens),
        );
        return { connectedAt: at, reused: false };
      }),

    status: (userId) =>
      serialized(userId, async () => {
        const base = { portalUrl: api.portalUrl };
        const row = await findConnection(deps.db, userId);
        if (!row)
          return {
            ...base,
            connected: false,
            email: null,
            connectedAt: null,
            reason: 'not_connected',
          };
        const known = { ...base, email: row.portal_email, connectedAt: row.connected_at };
        if (row.lost_reason) return { ...known, connected: false, reason: row.lost_reason };
        try {
          await currentAccessToken(deps, row, true);
          return { ...known, connected: true, reason: null };
        } catch (error) {
          if (error instanceof PartnerUnavailableError)
            return { ...known, connected: false, reason: 'partner_unreachable' };
          if (error instanceof AppError && error.code === 'REFRESH_TOKEN_INVALID') {
            await markSessionLost(deps, userId);
            return { ...known, connected: false, reason: 'session_revoked' };
          }
          throw error;
        }
      }),

    disconnect: (userId) =>
      serialized(userId, async () => {
        const row = await findConnection(deps.db, userId);
        if (row && !row.lost_reason) {
          try {
            const { token } = await currentAccessToken(deps, row, true);
            await api.revokeSession(token);
          } catch (error) {
            // Unreachable partner or already revoked session: the local tokens go anyway.
            deps.logger.warn({ err: error }, 'client-space session not revoked on the partner');
          }
        }
        await deleteConnection(deps.db, userId);
      }),

    asUser: (userId, work) =>
      serialized(userId, async () => {
        const access = await accessTokenOf(deps, userId, { probe: true });
        try {
          return await work(bindCalls(api, access.token));
        } catch (error) {
          // The token was good a moment ago: a 401 now means it was revoked meanwhile.
          if (!is401(error)) throw error;
          await forgetAccessToken(deps, userId, access);
          throw notConnected(LOST);
        }
      }),

    async inBackground(userId, work) {
      for (let attempt = 1; ; attempt++) {
        const access = await serialized(userId, () =>
          accessTokenOf(deps, userId, { probe: false }),
        );
        try {
          return await work(bindCalls(api, access.token));
        } catch (error) {
          if (!is401(error)) throw error;
          await forgetAccessToken(deps, userId, access);
          if (attempt === 2) throw notConnected(LOST);
        }
      }
    },
  };
}
