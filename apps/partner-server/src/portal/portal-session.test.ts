import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { getPage, signInOnPortal } from '../testing/portal-client';

const MINUTE = 60_000;
const EXPIRED = '/portail/connexion?message=session-expiree';

describe.each(await testDialects())('portal session lifetimes (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('ends a portal session after 30 minutes without a request, each request giving 30 more', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const cookie = await signInOnPortal(t);
    // Active every 29 minutes: the session lives on past its first 30 minutes.
    for (let i = 0; i < 3; i++) {
      t.clock.advance(29 * MINUTE);
      expect((await getPage(t, '/portail', cookie)).statusCode, `request ${i}`).toBe(200);
    }
    t.clock.advance(31 * MINUTE);
    const idle = await getPage(t, '/portail', cookie);
    expect(idle.statusCode).toBe(303);
    expect(idle.headers.location).toBe(EXPIRED);
    // Coming back does not revive it.
    expect((await getPage(t, '/portail', cookie)).headers.location).toBe(EXPIRED);
  });

  it('ends a portal session at its absolute lifetime however active, both configurable', async () => {
    t = await startTestPartner(dialect, {
      PORTAL_SESSION_IDLE_MINUTES: '10',
      PORTAL_SESSION_ABSOLUTE_HOURS: '1',
    });
    await t.createVerifiedAccount();
    let cookie = await signInOnPortal(t);
    t.clock.advance(11 * MINUTE);
    expect((await getPage(t, '/portail', cookie)).headers.location).toBe(EXPIRED);

    cookie = await signInOnPortal(t);
    for (let minutes = 9; minutes < 60; minutes += 9) {
      t.clock.advance(9 * MINUTE);
      expect((await getPage(t, '/portail', cookie)).statusCode, `${minutes} min`).toBe(200);
    }
    t.clock.advance(6 * MINUTE); // 60 minutes after sign-in, 6 after the last request
    expect((await getPage(t, '/portail', cookie)).headers.location).toBe(EXPIRED);
  });
});
