import { sql, type Kysely } from 'kysely';

/** The table every app's migrations create for {@link RateLimiter}. */
export interface RateLimitTable {
  rate_limit_counters: { key: string; count: number; window_started_at: string };
}

/** Creates the counters table; called from an app's migration. */
export async function createRateLimitTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .execute();
}

/** A limit: at most `max` hits per fixed window of `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counters kept in the app's database, so that limits hold across restarts and
 * across several instances sharing one PostgreSQL.
 */
export class RateLimiter {
  constructor(
    private readonly db: Kysely<RateLimitTable>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Seconds to wait before `key` may be tried again, or 0 when it is under its limit. */
  async retryAfter(key: string, limit: Limit): Promise<number> {
    const row = await this.db
      .selectFrom('rate_limit_counters')
      .select(['count', 'window_started_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row || row.count < limit.max) return 0;
    const endsAt = Date.parse(row.window_started_at) + limit.windowMs;
    const wait = Math.ceil((endsAt - this.now().getTime()) / 1000);
    return wait > 0 ? wait : 0;
  }

  /** Hits `key` may still take in its current window before it is refused (0 once limited). */
  async remaining(key: string, limit: Limit): Promise<number> {
    const row = await this.db
      .selectFrom('rate_limit_counters')
      .select(['count', 'window_started_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row || Date.parse(row.window_started_at) + limit.windowMs <= this.now().getTime())
      return limit.max;
    return Math.max(0, limit.max - row.count);
  }

  /** Counts one hit for `key`, starting a new window when the previous one is over. */
  async hit(key: string, limit: Limit): Promise<void> {
    const now = this.now();
    const cutoff = new Date(now.getTime() - limit.windowMs).toISOString();
    const nowIso = now.toISOString();
    await this.db
      .insertInto('rate_limit_counters')
      .values({ key, count: 1, window_started_at: nowIso })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limit_counters.window_started_at <= ${cutoff} then 1 else rate_limit_counters.count + 1 end`,
          window_started_at: sql<string>`case when rate_limit_counters.window_started_at <= ${cutoff} then ${nowIso} else rate_limit_counters.window_started_at end`,
        }),
      )
      .execute();
  }

  /** Forgets the counter of `key` (e.g. after a successful sign-in). */
  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit_counters').where('key', '=', key).execute();
  }
}
