import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './db/database';
import { createRateLimitTable, RateLimiter, type RateLimitTable } from './rate-limit.repository';
import { atOnce, createScratchDatabase, testDialects, type ScratchDatabase } from './testing';

describe.each(await testDialects())('RateLimiter (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<RateLimitTable>;
  let second: Database<RateLimitTable> | undefined;
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await database.close();
    await scratch.drop();
  });

  async function open() {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase<RateLimitTable>(scratch.target);
    await createRateLimitTable(database.db as never);
  }

  it('refuses past the limit until the window ends, then starts a new window', async () => {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase<RateLimitTable>(scratch.target);
    await createRateLimitTable(database.db as never);
    let now = new Date('2026-01-01T10:00:00.000Z');
    const limiter = new RateLimiter(database.db, () => now);
    const limit = { max: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.retryAfter('k', limit)).toBe(0);
      expect(await limiter.reserve('k', limit)).toBeDefined();
    }
    expect(await limiter.reserve('k', limit)).toBeUndefined();
    expect(await limiter.retryAfter('k', limit)).toBe(60);
    now = new Date('2026-01-01T10:00:45.000Z');
    expect(await limiter.retryAfter('k', limit)).toBe(15);
    expect(await limiter.retryAfter('other', limit)).toBe(0);
    now = new Date('2026-01-01T10:01:00.000Z');
    expect(await limiter.retryAfter('k', limit)).toBe(0);
    expect((await limiter.reserve('k', limit))?.count).toBe(1);
    expect(await limiter.retryAfter('k', limit)).toBe(0);
    await limiter.reserve('k', limit);
    await limiter.reserve('k', limit);
    expect(await limiter.retryAfter('k', limit)).toBe(60);
    await limiter.reset('k');
    expect(await limiter.retryAfter('k', limit)).toBe(0);
  });

  it('grants exactly `max` of 50 simultaneous reservations made through two connections', async () => {
    await open();
    // A second pool on the same database, as a second server instance would hold.
    second = openDatabase<RateLimitTable>(scratch.target);
    const now = () => new Date('2026-01-01T10:00:00.000Z');
    const limiters = [new RateLimiter(database.db, now), new RateLimiter(second.db, now)];
    const limit = { max: 10, windowMs: 60_000 };
    const results = await atOnce(50, (i) => limiters[i % 2]!.reserve('k', limit));
    const granted = results.filter((r) => r !== undefined);
    expect(granted.map((r) => r.count).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(await limiters[0]!.retryAfter('k', limit)).toBe(60);
    expect(await limiters[1]!.reserve('other', limit)).toMatchObject({ count: 1 });
  });

  it('gives a reservation back within its window only, and starts a new window at 1', async () => {
    await open();
    let now = new Date('2026-01-01T10:00:00.000Z');
    const limiter = new RateLimiter(database.db, () => now);
    const limit = { max: 2, windowMs: 60_000 };
    const first = await limiter.reserve('k', limit);
    const latest = await limiter.reserve('k', limit);
    expect([first?.count, latest?.count]).toEqual([1, 2]);
    expect(await limiter.reserve('k', limit)).toBeUndefined();
    await limiter.release('k', latest!);
    expect(await limiter.reserve('k', limit)).toMatchObject({ count: 2 });
    now = new Date('2026-01-01T10:01:00.000Z');
    const fresh = await limiter.reserve('k', limit);
    expect(fresh).toEqual({ count: 1, windowStartedAt: '2026-01-01T10:01:00.000Z' });
    // A reservation of the previous window gives nothing back to the new one.
    await limiter.release('k', first!);
    expect(await limiter.reserve('k', limit)).toMatchObject({ count: 2 });
    expect(await limiter.reserve('k', limit)).toBeUndefined();
  });
});
