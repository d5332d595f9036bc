import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { createRateLimitTable, RateLimiter, type RateLimitTable } from './rate-limit';
import { createScratchDatabase, testDialects, type ScratchDatabase } from './testing';

describe.each(await testDialects())('RateLimiter (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<RateLimitTable>;
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  it('refuses past the limit until the window ends, then starts a new window', async () => {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase<RateLimitTable>(scratch.target);
    await createRateLimitTable(database.db as never);
    let now = new Date('2026-01-01T10:00:00.000Z');
    const limiter = new RateLimiter(database.db, () => now);
    const limit = { max: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.retryAfter('k', limit)).toBe(0);
      await limiter.hit('k', limit);
    }
    expect(await limiter.retryAfter('k', limit)).toBe(60);
    now = new Date('2026-01-01T10:00:45.000Z');
    expect(await limiter.retryAfter('k', limit)).toBe(15);
    expect(await limiter.retryAfter('other', limit)).toBe(0);
    now = new Date('2026-01-01T10:01:00.000Z');
    expect(await limiter.retryAfter('k', limit)).toBe(0);
    await limiter.hit('k', limit);
    expect(await limiter.retryAfter('k', limit)).toBe(0);
    await limiter.hit('k', limit);
    await limiter.hit('k', limit);
    expect(await limiter.retryAfter('k', limit)).toBe(60);
    await limiter.reset('k');
    expect(await limiter.retryAfter('k', limit)).toBe(0);
  });
});
