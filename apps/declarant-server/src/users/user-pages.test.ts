import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import { readAllPages } from '../testing/pages';
import { ADMIN, startTestApp, type TestApp } from '../testing/test-app';

describe.each(await testDialects())('paged users (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('lists the firm’s users by last then first name, a page at a time, with their count', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const people = [
      ['Bruno', 'Martin', 'bruno'],
      ['Anne', 'Martin', 'anne'],
      ['Chloé', 'Bernard', 'chloe'],
      ['Éric', 'Zola', 'eric'],
    ];
    for (const [firstName, lastName, login] of people) {
      const email = `${login}@cabinet-test.fr`;
      const created = await t.call('POST', '/api/users', {
        cookie: admin,
        body: { firstName, lastName, email, role: 'collaborator' },
      });
      expect(created.statusCode).toBe(201);
    }
    const { items, sizes, total } = await readAllPages<User>(t, admin, '/api/users', 2);
    expect(total).toBe(5);
    expect(sizes).toEqual([2, 2, 1]);
    expect(items.map((u) => `${u.lastName} ${u.firstName}`)).toEqual([
      'Bernard Chloé',
      `${ADMIN.lastName} ${ADMIN.firstName}`,
      'Martin Anne',
      'Martin Bruno',
      'Zola Éric',
    ]);
    const forged = await t.call('GET', '/api/users?cursor=WyJ1c2VycyJd', { cookie: admin });
    expect(forged.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'cursor' });
  });
});
