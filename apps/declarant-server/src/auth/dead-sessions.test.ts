import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { ADMIN, startTestApp, type TestApp } from '../testing/test-app';

describe.each(await testDialects())('abandoned sessions (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  const sessionCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('are deleted at the next sign-in once idle or past their absolute end; live ones stay', async () => {
    t = await startTestApp(dialect);
    await t.setupAdmin();
    await t.signIn(ADMIN.email);
    await t.signIn(ADMIN.email);
    expect(await sessionCount()).toBe(3);
    // 31 minutes without a request: the three are idle (30 min) and go at the next sign-in.
    t.clock.advance(31 * 60_000);
    const live = await t.signIn(ADMIN.email);
    expect(await sessionCount()).toBe(1);
    // A session kept busy lives until its absolute end (12 h), then goes too.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advance(20 * 60_000);
      expect((await t.call('GET', '/api/session', { cookie: live })).statusCode).toBe(200);
    }
    t.clock.advance(20 * 60_000);
    expect((await t.call('GET', '/api/session', { cookie: live })).statusCode).toBe(401);
    await t.signIn(ADMIN.email);
    expect(await sessionCount()).toBe(1);
  });
});
