import { resolve } from 'node:path';
import { z } from 'zod';
import {
  intVar,
  numberListVar,
  readAppServerConfig,
  type AppServerSettings,
  urlVar,
} from '@passerelle/server-kit';

/**
 * Every environment variable the declarant server reads besides the common ones of server-kit's
 * `appServerConfigShape`, with its default. Any of them may be given as `NAME_FILE` (path to a
 * file holding the value) instead. Documented in the README.
 */
export const declarantVariables = {
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES: intVar(30, 1, 24 * 60),
  /** Hours after sign-in after which a session ends whatever the activity. */
  SESSION_ABSOLUTE_HOURS: intVar(12, 1, 24 * 30),
  /** Hours an invitation link stays valid. */
  INVITE_LINK_HOURS: intVar(72, 1, 24 * 30),
  /** Hours a password-reset link stays valid. */
  RESET_LINK_HOURS: intVar(24, 1, 24 * 7),
  /** Base URL of the EDI partner (its API v1 and its portal). */
  PARTNER_URL: urlVar().default('http://localhost:3200'),
  /** The partner's 7-digit EDI number, the recipient (UNB S003) of the interchanges. */
  PARTNER_EDI_NUMBER: z
    .string()
    .regex(/^\d{7}$/, 'numéro de partenaire EDI : 7 chiffres')
    .default('9990001'),
  /** Milliseconds before a call to the partner is abandoned (the UI stays usable). */
  PARTNER_TIMEOUT_MS: intVar(5000, 100, 60_000),
  /** Folder of the built web UI; empty to serve the API only. */
  WEB_DIST_DIR: z.string().optional(),
  /** Consecutive wrong passwords after which a signature is locked ("Bloquée"). */
  SIGNATURE_MAX_FAILURES: intVar(10, 1, 100),
  /** Minutes a locked signature stays locked. */
  SIGNATURE_LOCK_MINUTES: intVar(15, 1, 24 * 60),
  /** Days before expiry at which the holder is reminded by email, comma-separated. */
  SIGNATURE_REMINDER_DAYS: numberListVar('30,7', 'jours'),
  /** Seconds between two runs of the expiry-reminder scheduler (0 disables it). */
  SIGNATURE_REMINDER_INTERVAL_SECONDS: intVar(3600, 0, 24 * 3600),
  /** Deposits the delivery worker sends at the same time (per server instance). */
  DELIVERY_CONCURRENCY: intVar(4, 1, 64),
  /** Attempts before a transmission is marked "Échec d'envoi" (then "Relancer" starts again). */
  DELIVERY_MAX_ATTEMPTS: intVar(10, 1, 100),
  /** First retry delay; it doubles at each attempt (with jitter) up to DELIVERY_BACKOFF_MAX_MS. */
  DELIVERY_BACKOFF_BASE_MS: intVar(2000, 10, 3_600_000),
  DELIVERY_BACKOFF_MAX_MS: intVar(300_000, 10, 24 * 3_600_000),
  /** How often the delivery worker looks for due transmissions when idle (0 disables it). */
  DELIVERY_INTERVAL_MS: intVar(1000, 0, 3_600_000),
  /**
   * How long a claimed transmission stays reserved for its worker; after a crash another worker
   * (or the restarted one) takes it back once the lease ends. Default: 2 × PARTNER_TIMEOUT_MS + 5 s.
   */
  DELIVERY_LEASE_MS: intVar(0, 0, 3_600_000),
  /** How often the partner is asked for the DGFiP's answers (0 disables polling). */
  STATUS_POLL_INTERVAL_MS: intVar(5000, 0, 3_600_000),
  /**
   * Deposits per page asked of the partner while polling (its API's maximum, 200, by default);
   * every page is read to the end at each poll.
   */
  STATUS_POLL_PAGE_SIZE: intVar(200, 1, 200),
};

/** Validated, frozen configuration of the declarant server. */
export interface DeclarantConfig extends AppServerSettings {
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  inviteLinkMs: number;
  resetLinkMs: number;
  webDistDir: string | undefined;
  partnerUrl: string;
  partnerTimeoutMs: number;
  partnerEdiNumber: string;
  signatureLock: { maxFailures: number; lockMs: number };
  /** Reminder days before expiry, largest first (e.g. [30, 7]). */
  reminderDays: number[];
  reminderIntervalMs: number;
  delivery: {
    concurrency: number;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    intervalMs: number;
    leaseMs: number;
  };
  statusPollIntervalMs: number;
  statusPollPageSize: number;
}

/** The server's own defaults of the common variables, and its master key file in DATA_DIR. */
const SERVER = {
  port: 3000,
  mailFrom: 'Passerelle <no-reply@passerelle.localhost>',
  masterKeyFile: 'declarant-master.key',
};

/** Reads and validates the environment once, at start; throws `ConfigError` listing every problem. */
export function readDeclarantConfig(env: NodeJS.ProcessEnv = process.env): DeclarantConfig {
  const minute = 60_000;
  return readAppServerConfig(
    SERVER,
    declarantVariables,
    (raw) => ({
      sessionIdleMs: raw.SESSION_IDLE_MINUTES * minute,
      sessionAbsoluteMs: raw.SESSION_ABSOLUTE_HOURS * 60 * minute,
      inviteLinkMs: raw.INVITE_LINK_HOURS * 60 * minute,
      resetLinkMs: raw.RESET_LINK_HOURS * 60 * minute,
      webDistDir: raw.WEB_DIST_DIR === undefined ? undefined : resolve(raw.WEB_DIST_DIR),
      partnerUrl: raw.PARTNER_URL,
      partnerTimeoutMs: raw.PARTNER_TIMEOUT_MS,
      partnerEdiNumber: raw.PARTNER_EDI_NUMBER,
      signatureLock: Object.freeze({
        maxFailures: raw.SIGNATURE_MAX_FAILURES,
        lockMs: raw.SIGNATURE_LOCK_MINUTES * minute,
      }),
      reminderDays: raw.SIGNATURE_REMINDER_DAYS.filter((days) => days > 0).sort((a, b) => b - a),
      reminderIntervalMs: raw.SIGNATURE_REMINDER_INTERVAL_SECONDS * 1000,
      delivery: Object.freeze({
        concurrency: raw.DELIVERY_CONCURRENCY,
        maxAttempts: raw.DELIVERY_MAX_ATTEMPTS,
        backoffBaseMs: raw.DELIVERY_BACKOFF_BASE_MS,
        backoffMaxMs: Math.max(raw.DELIVERY_BACKOFF_MAX_MS, raw.DELIVERY_BACKOFF_BASE_MS),
        intervalMs: raw.DELIVERY_INTERVAL_MS,
        leaseMs: raw.DELIVERY_LEASE_MS || 2 * raw.PARTNER_TIMEOUT_MS + 5000,
      }),
      statusPollIntervalMs: raw.STATUS_POLL_INTERVAL_MS,
      statusPollPageSize: raw.STATUS_POLL_PAGE_SIZE,
    }),
    env,
  );
}
