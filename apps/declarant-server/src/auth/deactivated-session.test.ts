import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const HOUR = 3_600_000;
const INACTIVE = {
  code: 'ACCOUNT_INACTIVE',
  message: 'Votre compte est inactif. Contactez l’administrateur du cabinet.',
};

/** Whether the answer tells the browser to forget its session cookie. */
function clearsSessionCookie(response: LightMyRequestResponse): boolean {
  const cookie = response.cookies.find((c) => c.name === 'passerelle_session');
  return cookie !== undefined && cookie.value === '' && cookie.expires !== undefined
    ? cookie.expires.getTime() <= Date.now()
    : false;
}

// Issue #12 item 7: a deactivated user whose session was still open was told "Votre session a
// expiré" when acting; they must be told their account is inactive, and the session ended.
describe.each(await testDialects())('a deactivated user’s open sessions (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  const deactivate = (admin: string, id: string, status = 'inactive') =>
    t.call('PATCH', `/api/users/${id}/status`, { cookie: admin, body: { status } });
  const endingsCount = async () =>
    (await t.ctx.db.selectFrom('session_endings').select('id_hash').execute()).length;

  it('answers the next request ACCOUNT_INACTIVE with the cookie cleared, then a plain 401', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const bruno = await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const office = await t.signIn('bruno@cabinet-test.fr');
    const laptop = await t.signIn('bruno@cabinet-test.fr');
    expect((await deactivate(admin, bruno.id)).statusCode).toBe(200);

    // Bruno acts in the office: told why, and the browser forgets the session.
    const acting = await t.call('POST', '/api/dossiers', {
      cookie: office,
      body: { siren: '732829320', name: 'X', postcode: '75002', city: 'Paris' },
    });
    expect(acting.statusCode).toBe(403);
    expect(acting.json()).toEqual(INACTIVE);
    expect(clearsSessionCookie(acting)).toBe(true);
    // The same dead cookie again (a browser that kept it): a plain expired session.
    const third = await t.call('GET', '/api/session', { cookie: office });
    expect(third.statusCode).toBe(401);
    expect(third.json().code).toBe('SESSION_EXPIRED');
    expect(clearsSessionCookie(third)).toBe(true);

    // His other open session is told too, once.
    const other = await t.call('GET', '/api/dossiers', { cookie: laptop });
    expect(other.json()).toEqual(INACTIVE);
    expect((await t.call('GET', '/api/dossiers', { cookie: laptop })).statusCode).toBe(401);
    expect(await endingsCount()).toBe(0);

    // Reactivated: no old session comes back.
    await deactivate(admin, bruno.id, 'active');
    for (const cookie of [office, laptop]) {
      expect((await t.call('GET', '/api/session', { cookie })).statusCode).toBe(401);
    }
    const audit = (await t.call('GET', '/api/audit-events', { cookie: admin })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('user.deactivated');
  });

  it('keeps only the hash, tells nothing stale after a reactivation, and forgets endings past the session’s end', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const bruno = await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const carla = await t.createUser(admin, { email: 'carla@cabinet-test.fr' });
    const brunoCookie = await t.signIn('bruno@cabinet-test.fr');
    const stale = await t.signIn('bruno@cabinet-test.fr');
    await deactivate(admin, bruno.id);

    // What is kept of an ended session is its hash, never the token.
    const rows = await t.ctx.db.selectFrom('session_endings').selectAll().execute();
    expect(rows.map((r) => r.reason)).toEqual(['deactivated', 'deactivated']);
    const tokens = [brunoCookie, stale].map((c) => c.split('=')[1]!);
    for (const row of rows) expect(tokens).not.toContain(row.id_hash);
    expect(
      await t.ctx.db.selectFrom('sessions').where('user_id', '=', bruno.id).selectAll().execute(),
    ).toEqual([]);

    // Reactivated before his next request: "inactif" would be false; the session is just over.
    await deactivate(admin, bruno.id, 'active');
    const reactivated = await t.call('GET', '/api/session', { cookie: brunoCookie });
    expect(reactivated.statusCode).toBe(401);
    expect(reactivated.json().code).toBe('SESSION_EXPIRED');

    // Deactivated again without a session, and 13 hours later (past the 12-hour absolute end
    // of the old sessions) Carla is deactivated: the old endings are purged, hers are kept.
    await deactivate(admin, bruno.id);
    t.clock.advance(13 * HOUR);
    const admin2 = await t.signIn('alice.durand@cabinet-test.fr');
    const carlaCookie = await t.signIn('carla@cabinet-test.fr');
    await deactivate(admin2, carla.id);
    const left = await t.ctx.db.selectFrom('session_endings').select('user_id').execute();
    expect(left.map((r) => r.user_id)).toEqual([carla.id]);
    expect((await t.call('GET', '/api/session', { cookie: stale })).json().code).toBe(
      'SESSION_EXPIRED',
    );
    expect((await t.call('GET', '/api/session', { cookie: carlaCookie })).json()).toEqual(INACTIVE);
  });
});
