import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { ADMIN, STRONG_PASSWORD, startTestApp, type TestApp } from '../testing/test-app';

describe.each(await testDialects())('audit log (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('records every security event, readable by the administrator newest first', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const bruno = await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    await t.call('POST', '/api/session', {
      body: { email: 'bruno@cabinet-test.fr', password: 'mauvais mot de passe' },
    });
    const collab = await t.signIn('bruno@cabinet-test.fr');
    await t.call('DELETE', '/api/session', { cookie: collab });
    await t.call('PATCH', `/api/users/${bruno.id}/status`, {
      cookie: admin,
      body: { status: 'inactive' },
    });
    await t.call('PATCH', `/api/users/${bruno.id}/status`, {
      cookie: admin,
      body: { status: 'active' },
    });

    const page = await t.call('GET', '/api/audit-events?limit=50', { cookie: admin });
    expect(page.statusCode).toBe(200);
    const actions = page.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'user.activated',
      'user.deactivated',
      'auth.sign_out',
      'auth.sign_in',
      'auth.sign_in_failed',
      'user.password_changed',
      'user.created',
      'setup.completed',
    ]);
    const failed = page.json().items[4];
    expect(failed.target.email).toBe('bruno@cabinet-test.fr');
    expect(failed.details).toEqual({ email: 'bruno@cabinet-test.fr', reason: 'wrong_credentials' });
    expect(page.json().items[0].actor.email).toBe(ADMIN.email);
    expect(page.body).not.toContain('mauvais mot de passe');
    expect(page.body).not.toContain(STRONG_PASSWORD);

    const first = await t.call('GET', '/api/audit-events?limit=3', { cookie: admin });
    expect(first.json().items).toHaveLength(3);
    const next = await t.call(
      'GET',
      `/api/audit-events?limit=3&cursor=${first.json().nextCursor}`,
      { cookie: admin },
    );
    expect(next.json().items[0].action).toBe('auth.sign_in');
    const bad = await t.call('GET', '/api/audit-events?limit=5000', { cookie: admin });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'limit' });
    const forged = await t.call('GET', '/api/audit-events?cursor=WyJhdWRpdCIsImEiXQ', {
      cookie: admin,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'cursor' });
  });

  it('is append-only in the database itself', async () => {
    t = await startTestApp(dialect);
    await t.setupAdmin();
    await expect(sql`update audit_events set action = 'x'`.execute(t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    const count = await t.ctx.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
