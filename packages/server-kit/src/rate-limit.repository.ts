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

/** An attempt granted by {@link RateLimiter.reserve}: its rank in the window (1 = first). */
export interface Reservation {
  count: number;
  windowStartedAt: string;
}

/**
 * Fixed-window counters kept in the app's database, so that limits hold across restarts and
 * across several instances sharing one PostgreSQL. A limit that guards a check (a password, a
 * code) is enforced with {@link RateLimiter.reserve} before the check, never by reading the
 * counter and counting afterwards: simultaneous requests would all read the same count.
 */
export class RateLimiter {
  constructor(
    private readonly db: Kysely<RateLimitTable>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Takes one attempt for `key` if its window has room, in one atomic statement (an upsert
   * whose update only applies under the limit or in a new window): of N simultaneous callers,
   * on one instance or several, at most `max` per window get a reservation. `undefined` means
   * limited. The attempt counts from now on, whatever its outcome; see {@link release}.
   */
  async reserve(key: string, limit: Limit): Promise<Reservation | undefined> {
    const now = this.now();
    const cutoff = new Date(now.getTime() - limit.windowMs).toISOString();
    const nowIso = now.toISOString();
    const expired = sql<boolean>`rate_limit_counters.window_started_at <= ${cutoff}`;
    const row = await this.db
      .insertInto('rate_limit_counters')
      .values({ key, count: 1, window_started_at: nowIso })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({
            count: sql<number>`case when ${expired} then 1 else rate_limit_counters.count + 1 end`,
            window_started_at: sql<string>`case when ${expired} then ${nowIso} else rate_limit_counters.window_started_at end`,
          })
          .where((eb) => eb.or([expired, eb('rate_limit_counters.count', '<', limit.max)])),
      )
      .returning(['count', 'window_started_at'])
      .executeTakeFirst();
    return row && { count: Number(row.count), windowStartedAt: row.window_started_at };
  }

  /**
   * Gives a reservation back (its attempt turned out not to count, e.g. a right code). Only
   * within the window it was taken in: a new window's counter owes it nothing.
   */
  async release(key: string, reservation: Reservation): Promise<void> {
    await this.db
      .updateTable('rate_limit_counters')
      .set({ count: sql<number>`count - 1` })
      .where('key', '=', key)
      .where('window_started_at', '=', reservation.windowStartedAt)
      .where('count', '>', 0)
      .execute();
  }

  /**
   * Seconds to wait before `key` may be tried again, or 0 when it is under its limit. For the
   * `Retry-After` of a refusal; deciding whether to check something is {@link reserve}'s job.
   */
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

  /** Forgets the counter of `key` (e.g. after a successful sign-in). */
  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit_counters').where('key', '=', key).execute();
  }
}
