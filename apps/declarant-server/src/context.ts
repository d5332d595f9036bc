import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DictionaryRegistry } from '@passerelle/campaign-packs';
import type { Mailer } from '@passerelle/mail';
import type { Dialect, Keyring, RateLimiter } from '@passerelle/server-kit';
import type { DeclarantConfig } from './config';
import type { DeclarantDatabase } from './db/schema';
import type { PartnerGateway } from './partner/partner-gateway';
import type { Doorbell } from './sending/doorbell';

/** What every route and service of the declarant receives: no globals, so tests build their own. */
export interface AppContext {
  config: DeclarantConfig;
  db: Kysely<DeclarantDatabase>;
  dialect: Dialect;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** Master keys sealing stored secrets (client-space tokens). */
  keyring: Keyring;
  /** Emails to the firm's people (lock notices, expiry reminders). */
  mailer: Mailer;
  /** The one door to the EDI partner: its API and each user's client-space session. */
  partner: PartnerGateway;
  /** Rung when transmissions are queued: this process's delivery worker claims them at once. */
  deliveryBell: Doorbell;
  /** The campaign dictionaries served (built-in and installed packs), rebuilt on install. */
  dictionaries: DictionaryRegistry;
  /** The clock; tests move it to cross timeouts. */
  now: () => Date;
}
