// Names, emails and free texts refuse control characters on every partner request that takes
// them, API and portal forms alike (issue #13, item 10). The holder of a signature is covered
// in signatures/signature-names.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { pageText, postForm } from './testing/portal-client';
import { ACCOUNT, startTestPartner, type TestPartner } from './testing/test-partner';

describe.each(await testDialects())('control characters in partner requests (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(() => t.close());

  it('POST /api/v1/accounts refuses each field holding one with 400 on that field; no account, no email', async () => {
    t = await startTestPartner(dialect);
    const cases = [
      // Before: accepted, and the LF forged a line of the confirmation email ("créé pour …").
      [
        'firmName',
        'Cabinet\r\nExemple',
        'Raison sociale : caractère de contrôle interdit (U+000D).',
      ],
      ['adminFirstName', 'Alice\t', 'Prénom : caractère de contrôle interdit (U+0009).'],
      ['adminLastName', 'Du\u2028rand', 'Nom : caractère de contrôle interdit (U+2028).'],
      ['adminLastName', 'Du\u0085rand', 'Nom : caractère de contrôle interdit (U+0085).'],
      ['adminLastName', 'dnaruD\u202e', 'Nom : caractère de contrôle interdit (U+202E).'],
      [
        'adminEmail',
        `${ACCOUNT.adminEmail}\n`,
        'Adresse email : caractère de contrôle interdit (U+000A).',
      ],
    ] as const;
    for (const [field, value, message] of cases) {
      const response = await t.call('POST', '/api/v1/accounts', {
        body: { ...ACCOUNT, [field]: value },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ code: 'VALIDATION_ERROR', field, message });
    }
    expect(await t.ctx.db.selectFrom('accounts').selectAll().execute()).toHaveLength(0);
    expect(t.inbox.messages()).toHaveLength(0);
  });

  it('POST /api/v1/sessions refuses an email holding one', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const response = await t.call('POST', '/api/v1/sessions', {
      body: { email: `${ACCOUNT.adminEmail}\r\n`, password: ACCOUNT.password },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'VALIDATION_ERROR',
      field: 'email',
      message: 'Adresse email : caractère de contrôle interdit (U+000D).',
    });
  });

  it('the portal forms refuse one next to the field, with the same message', async () => {
    t = await startTestPartner(dialect);
    const created = await postForm(t, '/portail/creer-un-compte', {
      ...ACCOUNT,
      firmName: 'Cabinet\r\nExemple',
    });
    expect(created.statusCode).toBe(400);
    const error = /id="champ-firmName-erreur">([^<]+)</.exec(created.body)?.[1] ?? '';
    expect(pageText(error)).toBe('Raison sociale : caractère de contrôle interdit (U+000D).');
    expect(await t.ctx.db.selectFrom('accounts').selectAll().execute()).toHaveLength(0);

    const signIn = await postForm(t, '/portail/connexion', {
      email: `${ACCOUNT.adminEmail}\n`,
      password: ACCOUNT.password,
    });
    expect(signIn.statusCode).toBe(400);
    expect(pageText(signIn.body)).toContain(
      'Adresse email : caractère de contrôle interdit (U+000A).',
    );
    expect(t.inbox.messages()).toHaveLength(0);
  });
});
