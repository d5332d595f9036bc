import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect, RateLimiter } from '@passerelle/server-kit';
import type { DeclarantConfig } from './config';
import type { DeclarantDatabase } from './db/schema';

/** What every route and service of the declarant receives: no globals, so tests build their own. */
export interface AppContext {
  config: DeclarantConfig;
  db: Kysely<DeclarantDatabase>;
  dialect: Dialect;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** The clock; tests move it to cross timeouts. */
  now: () => Date;
}
