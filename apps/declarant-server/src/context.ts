import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Mailer } from '@passerelle/mail';
import type { Dialect, Keyring, RateLimiter } from '@passerelle/server-kit';
import type { PartnerClient } from './client-space/partner-client';
import type { DeclarantConfig } from './config';
import type { DeclarantDatabase } from './db/schema';

/** What every route and service of the declarant receives: no globals, so tests build their own. */
export interface AppContext {
  config: DeclarantConfig;
  db: Kysely<DeclarantDatabase>;
  dialect: Dialect;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** Master keys sealing stored secrets (client-space refresh tokens). */
  keyring: Keyring;
  /** Emails to the firm's people (lock notices, expiry reminders). */
  mailer: Mailer;
  /** The EDI partner, over HTTP. */
  partner: PartnerClient;
  /** The clock; tests move it to cross timeouts. */
  now: () => Date;
}
